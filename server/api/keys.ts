import "server-only";
// Workspace API keys: shown once at creation, stored only as a SHA-256 hash plus a short
// prefix so people can tell keys apart. SHA-256 (not argon2) is right here: the key is 256
// random bits, so there is nothing to brute-force, and lookups must be one indexed query.
// A key may expire (an expired key answers 401 like a revoked one), and a member's keys are
// revoked when the member is removed: a key must not outlive its creator's access.
import { createHash, randomBytes } from "node:crypto";
import { db, type Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { API_KEY_SUMMARY as SUMMARY, type ApiKeySummary } from "@/server/data/api-keys";
import { AppError } from "@/server/http/errors";

export const API_KEY_PREFIX = "snr_";
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

const DAY_MS = 86_400_000;
export const MAX_EXPIRY_DAYS = 3_650;

/**
 * A key's expiry from what a person typed: empty or "never" (none), a number of days ("90d"),
 * or a date ("2027-03-31", valid through that day, UTC). Refused unless in the future.
 */
export function parseExpiry(input: string | null | undefined, now = new Date()): Date | null {
  const v = (input ?? "").trim().toLowerCase();
  if (v === "" || v === "never") return null;
  const bad = (why: string) => new AppError("invalid_input", `expires: ${why}`, { field: "expires" });
  const days = /^(\d{1,5})\s*d$/.exec(v);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > MAX_EXPIRY_DAYS) throw bad(`Between 1 and ${MAX_EXPIRY_DAYS} days.`);
    return new Date(now.getTime() + n * DAY_MS);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!date) throw bad("Give a number of days such as 90d, a date such as 2027-03-31, or never.");
  const start = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  const d = new Date(start);
  if (Number.isNaN(start) || d.toISOString().slice(0, 10) !== v) throw bad("Not a calendar date.");
  const end = new Date(start + DAY_MS);
  if (end.getTime() <= now.getTime()) throw bad("The date has passed.");
  if (end.getTime() > now.getTime() + (MAX_EXPIRY_DAYS + 1) * DAY_MS) throw bad(`At most ${MAX_EXPIRY_DAYS} days ahead.`);
  return end;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function normaliseKeyName(name: string): string {
  const n = name.trim().replace(/\s+/g, " ");
  if (n.length < 1) throw new AppError("invalid_input", "name: Give the key a name.", { field: "name" });
  if (n.length > 80) throw new AppError("invalid_input", "name: At most 80 characters.", { field: "name" });
  return n;
}

/** Creates a key; the plain key is returned here and never again. */
export async function createApiKey(
  input: { workspaceId: string; name: string; createdById: string | null; expiresAt?: Date | null },
  client: Db = db,
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = generateApiKey();
  const row = await client.apiKey.create({
    data: {
      workspaceId: input.workspaceId,
      name: normaliseKeyName(input.name),
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      hash: hashApiKey(key),
      createdById: input.createdById,
      expiresAt: input.expiresAt ?? null,
    },
    select: SUMMARY,
  });
  return { key, apiKey: row };
}

/** The workspace's keys with who created them (an email; null for the CLI or a deleted account). */
/** Revokes the live keys a member created in a workspace (they are leaving it); returns their names. */
export async function revokeKeysOfMember(tx: Prisma.TransactionClient, workspaceId: string, userId: string, reason: string): Promise<string[]> {
  const live = await tx.apiKey.findMany({ where: { workspaceId, createdById: userId, revokedAt: null }, select: { id: true, name: true } });
  if (live.length) {
    await tx.apiKey.updateMany({ where: { id: { in: live.map((k) => k.id) }, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  }
  return live.map((k) => k.name);
}

/** Revokes a key of this workspace; another workspace's key id is "not found". */
export async function revokeApiKey(workspaceId: string, id: string, client: Db = db): Promise<ApiKeySummary> {
  const found = await client.apiKey.findFirst({ where: { id, workspaceId } });
  if (!found) throw new AppError("not_found", "No such API key in this workspace.");
  if (found.revokedAt) throw new AppError("conflict", "This key is already revoked.");
  return client.apiKey.update({
    where: { id: found.id },
    data: { revokedAt: new Date() },
    select: SUMMARY,
  });
}

export type ResolvedKey = { id: string; name: string; workspace: { id: string; slug: string; name: string; timeZone: string; passMark: number } };

/** The live key behind a presented secret, or null (unknown, revoked or expired). */
export async function findLiveKey(presented: string, client: Db = db): Promise<ResolvedKey | null> {
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200) return null;
  const row = await client.apiKey.findUnique({
    where: { hash: hashApiKey(presented) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      workspace: { select: { id: true, slug: true, name: true, timeZone: true, passMark: true } },
    },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  // One write per key per minute is enough for "last used", and keeps hot keys off the row lock.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await client.apiKey.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return { id: row.id, name: row.name, workspace: row.workspace };
}
