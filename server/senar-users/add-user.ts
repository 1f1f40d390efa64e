import "server-only";
// "Add user": Senar's user_assign takes one collection per call, so an AddUser with several
// collections becomes several calls, each with its own result (one failure hides nothing).
// Double submits are absorbed by an idempotency key (idempotency.ts); the cache gains the user afterwards and
// the audit log records who did it. The password is never stored, logged or audited.
import { createHash } from "node:crypto";
import type { SessionUser } from "@/server/auth/auth-types";
import { audit } from "@/server/audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";
import { log } from "@/server/log";
import { cleanSenarMessage, isSenarError, logSenarFailure, senarProblem, toAppError } from "@/server/senar/errors";
import { senarFor } from "@/server/senar/for-workspace";
import { upsertUsers } from "@/server/sync/upsert-users";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "./idempotency";
import { assignFor, type AddUser } from "@/lib/user-assign";
import { addUserResultSchema, type AddUserResult, type CollectionResult } from "@/lib/add-user-result";

export const ADDED = "senar_user.added";
export const ADD_FAILED = "senar_user.add_failed";

export type AddUserActor = { user: SessionUser | null; label: string };

/** What identifies "the same request" for a reused idempotency key (no password in it). */
function fingerprint(input: AddUser): string {
  const basis = JSON.stringify([input.email.toLowerCase(), input.firstName, input.lastName, input.language, [...input.collectionIds].sort()]);
  return createHash("sha256").update(basis).digest("hex").slice(0, 32);
}

/** An earlier answer stored under the key, marked as a replay. */
function replayOf(response: unknown): AddUserResult {
  const parsed = addUserResultSchema.safeParse(response);
  if (!parsed.success) throw new AppError("conflict", "This Idempotency-Key was already used; use a new key.");
  return { ...parsed.data, replayed: true };
}

async function collectionTitles(workspaceId: string, ids: number[]): Promise<Map<number, string | null>> {
  const rows = await db.collection.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, title: true } });
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Fetches the users list once and caches the new user (matched by email). Never throws. */
async function cacheNewUser(workspaceId: string, email: string): Promise<boolean> {
  try {
    const senar = await senarFor(workspaceId);
    const sourceAt = new Date();
    const { records } = await senar.users();
    const mine = records.filter((r) => r.record.email?.toLowerCase() === email.toLowerCase());
    if (mine.length === 0) return false;
    await upsertUsers(db, workspaceId, mine, { source: "sync", sourceAt });
    return true;
  } catch (err) {
    log.warn("add user: could not refresh the cache", { workspaceId, err });
    return false;
  }
}

export async function addSenarUser(
  workspaceId: string,
  input: AddUser,
  actor: AddUserActor,
  idempotencyKey?: string | null,
): Promise<AddUserResult> {
  const fp = fingerprint(input);
  if (idempotencyKey) {
    const claim = await claimIdempotencyKey(workspaceId, idempotencyKey, fp);
    if (!claim.run) return replayOf(claim.response);
  }
  try {
    const senar = await senarFor(workspaceId);
    const titles = await collectionTitles(workspaceId, input.collectionIds);
    const results: CollectionResult[] = [];
    let fatal: AppError | null = null;
    for (const collectionId of input.collectionIds) {
      const collectionTitle = titles.get(collectionId) ?? null;
      if (fatal) {
        results.push({ collectionId, collectionTitle, ok: false, message: `Not attempted: ${fatal.message}` });
        continue;
      }
      try {
        const r = await senar.userAssign(assignFor(input, collectionId));
        results.push({ collectionId, collectionTitle, ok: true, message: cleanSenarMessage(r.message) ?? "Added." });
      } catch (err) {
        if (!isSenarError(err)) throw err;
        if (err.kind === "rejected" && err.status !== undefined) {
          logSenarFailure(err, "add user");
          results.push({ collectionId, collectionTitle, ok: false, message: senarProblem(err).message });
          continue;
        }
        const mapped = toAppError(err);
        // Senar down or unreachable before anything was done: one clear 502/504 for the caller.
        if (!results.some((r) => r.ok)) throw mapped;
        fatal = mapped;
        results.push({ collectionId, collectionTitle, ok: false, message: mapped.message });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    const cached = succeeded > 0 ? await cacheNewUser(workspaceId, input.email) : false;
    const result: AddUserResult = { email: input.email, succeeded, failed: results.length - succeeded, cached, replayed: false, results };
    await audit({
      workspaceId,
      actor: actor.user,
      actorLabel: actor.label,
      action: succeeded > 0 ? ADDED : ADD_FAILED,
      target: input.email,
      details: { collectionIds: input.collectionIds, succeeded, failed: result.failed, idempotencyKey: idempotencyKey ?? null },
    });
    if (idempotencyKey) await completeIdempotencyKey(workspaceId, idempotencyKey, result);
    return result;
  } catch (err) {
    // Nothing was recorded: let a retry with the same key run for real.
    if (idempotencyKey) await releaseIdempotencyKey(workspaceId, idempotencyKey).catch(() => undefined);
    throw err;
  }
}
