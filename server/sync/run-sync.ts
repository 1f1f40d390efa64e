import "server-only";
// Full sync: users → activities → finish. Each batch is written in one transaction together
// with the run's progress (phase, cursor = records of the phase already applied, counts), so a
// process killed at any moment loses nothing: the next call resumes with the client's `skip`.
// A time budget (maxDurationMs) ends a call cleanly; the run stays RUNNING and continues later.
import { db } from "../db/client";
import type { SyncRun, SyncStatus } from "../db/generated/client";
import { AppError } from "../http/errors";
import { log } from "../log";
import { SenarError, type SenarClient } from "../senar/client";
import { logSenarFailure, senarProblem } from "../senar/errors";
import { senarFor } from "../senar/for-workspace";
import { saveInvalid } from "./invalid";
import { claimRun, Lease, LeaseLost } from "./lock";
import { markMissing } from "./mark-missing";
import { parseCounts, totalOf, type SyncCounts } from "./counts";
import { upsertActivities } from "./upsert-activities";
import { upsertUsers } from "./upsert-users";

export type SyncOptions = {
  trigger: string;
  /** Stop cleanly after about this long (the run continues on the next call). */
  maxDurationMs?: number;
  batchSize?: number;
  /** Where the Senar client comes from (default: the workspace's stored connection). */
  senar?: (workspaceId: string) => Promise<SenarClient>;
  /** A RUNNING run whose heartbeat is older than this is taken over (its process died). */
  staleAfterMs?: number;
};

export type SyncOutcome = {
  runId: string;
  status: SyncStatus;
  /** True when the time budget ran out: call again to continue. */
  continues: boolean;
  /** True when another process is running this workspace's sync right now. */
  busy: boolean;
  counts: SyncCounts;
  error: string | null;
};

class Budget extends Error {
  override name = "Budget";
}

const outcome = (run: SyncRun, extra: Partial<SyncOutcome> = {}): SyncOutcome => ({
  runId: run.id,
  status: run.status,
  continues: false,
  busy: false,
  counts: parseCounts(run.counts),
  error: run.error,
  ...extra,
});

/** The previous complete run's record total: the progress bar's 100 %. */
async function previousTotal(workspaceId: string): Promise<number | null> {
  const prev = await db.syncRun.findFirst({
    where: { workspaceId, status: { in: ["SUCCEEDED", "PARTIAL"] } },
    orderBy: { startedAt: "desc" },
    select: { counts: true },
  });
  return prev ? totalOf(parseCounts(prev.counts)) : null;
}

/** Plain words for why a run failed. */
export function failureReason(err: unknown): string {
  // The fixed words of the one Senar table: the run history shows no upstream text or error codes.
  if (err instanceof SenarError) {
    logSenarFailure(err, "sync");
    return senarProblem(err).message;
  }
  if (err instanceof AppError) return err.message;
  log.error("sync: unexpected error", { err });
  return "Unexpected error; the server log has the details.";
}

export async function runSync(workspaceId: string, opts: SyncOptions): Promise<SyncOutcome> {
  const started = Date.now();
  const claim = await claimRun(workspaceId, opts.trigger, await previousTotal(workspaceId), opts.staleAfterMs);
  if ("busy" in claim) return outcome(claim.busy, { busy: true, continues: true });
  const { run } = claim;
  const lease = new Lease(run.id, run.heartbeatAt);
  lease.startHeartbeat();
  const counts = parseCounts(run.counts);
  let phase = run.phase;
  let cursor = run.cursor;
  const budgetMs = opts.maxDurationMs ?? Number.POSITIVE_INFINITY;
  const abort = new AbortController();
  let overBudget = false;
  let inBatch = false;
  // Every call applies at least one batch (so a run always advances, however small the budget).
  let progressed = false;
  // Out of time: stop at once while waiting for Senar; a batch being written finishes first.
  // The wait is abandoned by a race (an aborted fetch body does not always wake its reader).
  let stopNow = () => {};
  const budgetHit = new Promise<never>((_, reject) => (stopNow = () => reject(new Budget())));
  budgetHit.catch(() => undefined);
  const stop = () => {
    abort.abort(new Budget());
    stopNow();
  };
  const timer = Number.isFinite(budgetMs)
    ? setTimeout(() => {
        overBudget = true;
        if (!inBatch && progressed) stop();
      }, Math.max(0, budgetMs - (Date.now() - started)))
    : undefined;

  try {
    const senar = await (opts.senar ?? senarFor)(workspaceId);
    // Small batches measured faster (bench/sync.ts) and keep memory low.
    const batchSize = opts.batchSize ?? 1_000;
    if (phase === "users" || phase === "activities") {
      for (const k of phase === "users" ? (["user", "activity"] as const) : (["activity"] as const)) {
        // Observation time of this stretch of the fetch: later than the run's start when resumed.
        const sourceAt = new Date();
        const onBatch = async (records: Parameters<typeof upsertUsers>[2] | Parameters<typeof upsertActivities>[2], refused: { raw: unknown; reason: string }[]) => {
          if (abort.signal.aborted || (overBudget && progressed)) throw new Budget();
          inBatch = true;
          const bucket = k === "user" ? counts.users : counts.activities;
          const next = cursor + records.length + refused.length;
          const got = await lease.write({ phase, cursor: next }, async (tx) => {
            const meta = { source: "sync" as const, sourceAt, runId: run.id };
            const c =
              k === "user"
                ? await upsertUsers(tx, workspaceId, records as Parameters<typeof upsertUsers>[2], meta)
                : await upsertActivities(tx, workspaceId, records as Parameters<typeof upsertActivities>[2], meta);
            await saveInvalid(tx, workspaceId, k, refused, { source: "sync", runId: run.id });
            const merged = { new: bucket.new + c.inserted, updated: bucket.updated + c.updated, unchanged: bucket.unchanged + c.unchanged, invalid: bucket.invalid + refused.length };
            await tx.syncRun.update({ where: { id: run.id }, data: { counts: { ...counts, [k === "user" ? "users" : "activities"]: merged } } });
            return merged;
          });
          if (got) Object.assign(bucket, got);
          cursor = next;
          inBatch = false;
          progressed = true;
          if (overBudget) {
            stop();
            throw new Budget();
          }
        };
        const stream = k === "user" ? senar.streamUsers.bind(senar) : senar.streamActivities.bind(senar);
        const streaming = (stream as (cb: typeof onBatch, o: object) => Promise<unknown>)(onBatch, { batchSize, skip: cursor, signal: abort.signal });
        streaming.catch(() => undefined);
        await Promise.race([streaming, budgetHit]);
        // Phase done: move on, in one write, so a crash here resumes at the right place.
        phase = k === "user" ? "activities" : "finish";
        cursor = 0;
        await lease.write({ phase, cursor });
        progressed = true;
        if (overBudget) throw new Budget();
      }
    }
    // finish: what a complete refresh did not see is no longer at the source (never deleted;
    // out of the rollups: mark-missing.ts).
    const fin = await lease.write({}, async (tx) => {
      counts.missing = await markMissing(tx, workspaceId, run.id, run.fetchedAt);
      const status: SyncStatus = counts.users.invalid + counts.activities.invalid > 0 ? "PARTIAL" : "SUCCEEDED";
      await tx.syncRun.update({ where: { id: run.id }, data: { status, phase: "finish", counts, finishedAt: new Date() } });
      return status;
    });
    log.info("sync finished", { workspaceId, runId: run.id, status: fin, ms: Date.now() - started });
    return { runId: run.id, status: fin ?? "SUCCEEDED", continues: false, busy: false, counts, error: null };
  } catch (err) {
    if (err instanceof Budget || (overBudget && abort.signal.aborted)) {
      await lease.release({ phase, cursor });
      lease.close(); // an abandoned stream may still call onBatch: it must not write
      return { runId: run.id, status: "RUNNING", continues: true, busy: false, counts, error: null };
    }
    if (err instanceof LeaseLost) {
      return { runId: run.id, status: "RUNNING", continues: true, busy: true, counts, error: err.message };
    }
    const reason = failureReason(err);
    log.warn("sync failed", { workspaceId, runId: run.id, reason });
    await lease.write({ status: "FAILED", error: reason, finishedAt: new Date(), counts }).catch((e: unknown) => log.error("could not record a failed sync", { err: e }));
    return { runId: run.id, status: "FAILED", continues: false, busy: false, counts, error: reason };
  } finally {
    if (timer) clearTimeout(timer);
    lease.stopHeartbeat();
  }
}

/** Runs (and resumes) until the run ends: for the CLI and tests. */
export async function runSyncToEnd(workspaceId: string, opts: SyncOptions): Promise<SyncOutcome> {
  for (;;) {
    const r = await runSync(workspaceId, opts);
    if (!r.continues) return r;
    if (r.busy) await new Promise((res) => setTimeout(res, 1_000));
  }
}
