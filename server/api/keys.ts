import "server-only";
// Workspace API keys: shown once at creation, stored only as a SHA-256 hash plus a short
// prefix so people can tell keys apart. SHA-256 (not argon2) is right here: the key is 256
// random bits, so there is nothing to brute-force, and lookups must be one indexed query.
import { createHash, randomBytes } from "node:crypto";
import { db, type Db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";

export const API_KEY_PREFIX = "snr_";
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

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
  input: { workspaceId: string; name: string; createdById: string | null },
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
    },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { key, apiKey: row };
}

export async function listApiKeys(workspaceId: string, client: Db = db): Promise<ApiKeySummary[]> {
  return client.apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes a key of this workspace; another workspace's key id is "not found". */
export async function revokeApiKey(workspaceId: string, id: string, client: Db = db): Promise<ApiKeySummary> {
  const found = await client.apiKey.findFirst({ where: { id, workspaceId } });
  if (!found) throw new AppError("not_found", "No such API key in this workspace.");
  if (found.revokedAt) throw new AppError("conflict", "This key is already revoked.");
  return client.apiKey.update({
    where: { id: found.id },
    data: { revokedAt: new Date() },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export type ResolvedKey = { id: string; name: string; workspace: { id: string; slug: string; name: string; timeZone: string; passMark: number } };

/** The live key behind a presented secret, or null (unknown or revoked). */
export async function findLiveKey(presented: string, client: Db = db): Promise<ResolvedKey | null> {
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200) return null;
  const row = await client.apiKey.findUnique({
    where: { hash: hashApiKey(presented) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      lastUsedAt: true,
      workspace: { select: { id: true, slug: true, name: true, timeZone: true, passMark: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  // One write per key per minute is enough for "last used", and keeps hot keys off the row lock.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await client.apiKey.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return { id: row.id, name: row.name, workspace: row.workspace };
}
