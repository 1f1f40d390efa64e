import "server-only";
// The Idempotency-Key request header (as in Stripe's and the IETF draft's usage), and its table.
// The first request with a key holds it (PENDING) while it runs and then stores its answer (DONE);
// a repeat gets that answer back, the same key with a different request is a conflict. The
// insert is atomic (primary key workspaceId + key), so two instances never both run a request.
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/http/errors";

/** Kept a day (retention.ts): clients retry within minutes, not days. */
export const IDEMPOTENCY_KEEP_MS = 86_400_000;
/** A PENDING key this old belongs to a process that died mid-request: the same request may take it over. */
const PENDING_STALE_MS = 120_000;

export function idempotencyKeyFrom(req: Request): string | null {
  const v = req.headers.get("idempotency-key");
  if (v === null) return null;
  const key = v.trim();
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw new AppError("invalid_input", "Idempotency-Key: use 8 to 100 letters, digits or _ . : - (a UUID is ideal).", { field: "Idempotency-Key" });
  }
  return key;
}

export type KeyClaim = { run: true } | { run: false; response: unknown };

/**
 * Takes the key for this request (run it), or answers the stored response of the same earlier
 * request. Throws 409 when the key belongs to another request or its request is still running.
 */
export async function claimIdempotencyKey(workspaceId: string, key: string, requestHash: string, now = new Date()): Promise<KeyClaim> {
  const inserted = await db.idempotencyKey.createMany({ data: [{ workspaceId, key, requestHash, createdAt: now }], skipDuplicates: true });
  if (inserted.count === 1) return { run: true };
  const takenOver = await db.idempotencyKey.updateMany({
    where: { workspaceId, key, requestHash, status: "PENDING", createdAt: { lt: new Date(now.getTime() - PENDING_STALE_MS) } },
    data: { createdAt: now },
  });
  if (takenOver.count === 1) return { run: true };
  const row = await db.idempotencyKey.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  // Deleted between the two statements (its request failed): this one may run.
  if (!row) return claimIdempotencyKey(workspaceId, key, requestHash, now);
  if (row.requestHash !== requestHash) throw new AppError("conflict", "This Idempotency-Key was already used for a different request; use a new key.");
  if (row.status === "PENDING") throw new AppError("conflict", "This request is already being processed; wait for its result.");
  return { run: false, response: row.response };
}

/** Stores the answer for replays. */
export async function completeIdempotencyKey(workspaceId: string, key: string, response: Prisma.InputJsonValue): Promise<void> {
  await db.idempotencyKey.updateMany({ where: { workspaceId, key, status: "PENDING" }, data: { status: "DONE", response } });
}

/** The request failed before anything was done: let a retry with the same key run for real. */
export async function releaseIdempotencyKey(workspaceId: string, key: string): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { workspaceId, key, status: "PENDING" } });
}
