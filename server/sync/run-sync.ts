import "server-only";
// Full sync: users → activities → finish. Each batch is written in one transaction together
// with the run's progress (phase, cursor = records of the phase already applied, counts), so a
// process killed at any moment loses nothing: the next call resumes with the client's `skip`.
// A time budget (maxDurationMs, one signal: call-budget.ts) ends a call cleanly between batches;
// the run stays RUNNING and continues later.
import { db } from "../db/client";
import type { SyncRun, SyncStatus } from "../db/generated/client";
import { AppError } from "../http/errors";
import { log } from "../log";
import { SenarError, type SenarClient } from "../senar/senar-client";
import type { Refused } from "../senar/schemas";
import { logSenarFailure, senarProblem } from "../senar/errors";
import { senarFor } from "../senar/for-workspace";
import { BudgetSpent, CallBudget } from "./call-budget";
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

type Kind = "user" | "activity";
type Batch = { records: Parameters<typeof upsertUsers>[2] | Parameters<typeof upsertActivities>[2]; refused: Refused[] };

/** What one call carries from batch to batch. */
type Call = {
  workspaceId: string;
  run: SyncRun;
  lease: Lease;
  budget: CallBudget;
  counts: SyncCounts;
  phase: string;
  cursor: number;
};

const bucketOf = (kind: Kind) => (kind === "user" ? "users" : "activities");
const nextPhase = (kind: Kind) => (kind === "user" ? "activities" : "finish");
/** The kinds still to fetch, from the run's saved phase. */
const kindsFrom = (phase: string): Kind[] => (phase === "users" ? ["user", "activity"] : phase === "activities" ? ["activity"] : []);

/** One batch, its invalid records and the run's progress, in one transaction (kill -9 safe). */
async function applyBatch(call: Call, kind: Kind, batch: Batch, sourceAt: Date): Promise<void> {
  const { workspaceId, run, counts } = call;
  const cursor = call.cursor + batch.records.length + batch.refused.length;
  const merged = await call.lease.write({ phase: call.phase, cursor }, async (tx) => {
    const meta = { source: "sync" as const, sourceAt, runId: run.id };
    const c =
      kind === "user"
        ? await upsertUsers(tx, workspaceId, batch.records as Parameters<typeof upsertUsers>[2], meta)
        : await upsertActivities(tx, workspaceId, batch.records as Parameters<typeof upsertActivities>[2], meta);
    await saveInvalid(tx, workspaceId, kind, batch.refused, { source: "sync", runId: run.id });
    const was = counts[bucketOf(kind)];
    const now = { new: was.new + c.inserted, updated: was.updated + c.updated, unchanged: was.unchanged + c.unchanged, invalid: was.invalid + batch.refused.length };
    await tx.syncRun.update({ where: { id: run.id }, data: { counts: { ...counts, [bucketOf(kind)]: now } } });
    return now;
  });
  if (merged) counts[bucketOf(kind)] = merged;
  call.cursor = cursor;
}

/** Streams one list from Senar (skipping what the run already applied) and applies it batch by batch. */
async function syncKind(call: Call, senar: SenarClient, kind: Kind, batchSize: number): Promise<void> {
  // Observation time of this stretch of the fetch: later than the run's start when resumed.
  const sourceAt = new Date();
  const onBatch = async (records: Batch["records"], refused: Refused[]) => {
    call.budget.check();
    await applyBatch(call, kind, { records, refused }, sourceAt);
    call.budget.progressed();
  };
  const opts = { batchSize, skip: call.cursor, signal: call.budget.signal };
  await (kind === "user" ? senar.streamUsers(onBatch, opts) : senar.streamActivities(onBatch, opts));
  // Phase done: move on in one write, so a crash here resumes at the right place.
  call.phase = nextPhase(kind);
  call.cursor = 0;
  await call.lease.write({ phase: call.phase, cursor: 0 });
  call.budget.progressed();
}

/** What a complete refresh did not see is no longer at the source (never deleted; out of the rollups: mark-missing.ts). */
async function finishRun(call: Call): Promise<SyncStatus> {
  const { workspaceId, run, counts } = call;
  const status = await call.lease.write({}, async (tx) => {
    counts.missing = await markMissing(tx, workspaceId, run.id, run.fetchedAt);
    const status: SyncStatus = counts.users.invalid + counts.activities.invalid > 0 ? "PARTIAL" : "SUCCEEDED";
    await tx.syncRun.update({ where: { id: run.id }, data: { status, phase: "finish", counts, finishedAt: new Date() } });
    return status;
  });
  return status ?? "SUCCEEDED";
}

export async function runSync(workspaceId: string, opts: SyncOptions): Promise<SyncOutcome> {
  const started = Date.now();
  const budget = new CallBudget(opts.maxDurationMs);
  const claim = await claimRun(workspaceId, opts.trigger, await previousTotal(workspaceId), opts.staleAfterMs);
  if ("busy" in claim) return outcome(claim.busy, { busy: true, continues: true });
  const { run } = claim;
  const call: Call = { workspaceId, run, lease: new Lease(run.id, run.heartbeatAt), budget, counts: parseCounts(run.counts), phase: run.phase, cursor: run.cursor };
  const result = (status: SyncStatus, extra: Partial<SyncOutcome> = {}): SyncOutcome => ({ runId: run.id, status, continues: false, busy: false, counts: call.counts, error: null, ...extra });
  call.lease.startHeartbeat();
  try {
    const senar = await (opts.senar ?? senarFor)(workspaceId);
    // Small batches measured faster (bench/sync.ts) and keep memory low.
    for (const kind of kindsFrom(call.phase)) await syncKind(call, senar, kind, opts.batchSize ?? 1_000);
    const status = await finishRun(call);
    log.info("sync finished", { workspaceId, runId: run.id, status, ms: Date.now() - started });
    return result(status);
  } catch (err) {
    if (err instanceof BudgetSpent) {
      await call.lease.release({ phase: call.phase, cursor: call.cursor });
      return result("RUNNING", { continues: true });
    }
    if (err instanceof LeaseLost) return result("RUNNING", { continues: true, busy: true, error: err.message });
    const reason = failureReason(err);
    log.warn("sync failed", { workspaceId, runId: run.id, reason });
    await call.lease.write({ status: "FAILED", error: reason, finishedAt: new Date(), counts: call.counts }).catch((e: unknown) => log.error("could not record a failed sync", { err: e }));
    return result("FAILED", { error: reason });
  } finally {
    call.lease.stopHeartbeat();
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
