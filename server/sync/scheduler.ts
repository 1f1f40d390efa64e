import "server-only";
// Scheduled syncs. `runDueSyncs` is called by GET /api/cron/sync (Vercel Cron) and by the
// built-in timer on a plain Node server. Due: a connected workspace whose last run started
// longer ago than its interval (null = off), or a RUNNING run whose lease is free (paused on its
// time budget, queued by a webhook, or left by a dead process). Several instances may tick at
// once: the database lock in claimRun lets one of them work on a workspace, the others skip it.
// The built-in timer also runs retention once a day (cron calls /api/cron/retention instead).
import { db } from "../db/client";
import { log } from "../log";
import { pruneOld } from "../retention";
import { STALE_MS } from "./lock";
import { runSync, type SyncOutcome } from "./run-sync";
import { utcText } from "./write-sql";

export async function dueWorkspaces(now = new Date()): Promise<string[]> {
  const at = utcText(now);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT w."id" FROM "Workspace" w
    WHERE w."senarUsername" IS NOT NULL AND (
      EXISTS (SELECT 1 FROM "SyncRun" r WHERE r."workspaceId" = w."id" AND r."status" = 'RUNNING'
              AND r."heartbeatAt" < ${at}::timestamp(3) - make_interval(secs => ${STALE_MS / 1000}))
      OR (w."syncIntervalMinutes" IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM "SyncRun" r WHERE r."workspaceId" = w."id"
              AND (r."status" = 'RUNNING' OR r."startedAt" > ${at}::timestamp(3) - make_interval(mins => w."syncIntervalMinutes"))))
    )
    ORDER BY w."id"`;
  return rows.map((r) => r.id);
}

export type TickResult = { workspaceId: string; outcome: SyncOutcome }[];

/** Runs due syncs one after another within a time budget (each continues next time if cut). */
export async function runDueSyncs(opts: { budgetMs: number; trigger?: string }): Promise<TickResult> {
  const started = Date.now();
  const out: TickResult = [];
  for (const workspaceId of await dueWorkspaces()) {
    const left = opts.budgetMs - (Date.now() - started);
    if (left < 2_000) break;
    try {
      out.push({ workspaceId, outcome: await runSync(workspaceId, { trigger: opts.trigger ?? "schedule", maxDurationMs: left }) });
    } catch (err) {
      log.error("scheduled sync could not run", { workspaceId, err });
    }
  }
  return out;
}

const g = globalThis as unknown as { __senarScheduler?: ReturnType<typeof setInterval> };

const RETENTION_EVERY_MS = 86_400_000;

/** The built-in scheduler: one tick a minute, never two at once in this process. */
export function startScheduler(everyMs = 60_000): void {
  if (g.__senarScheduler) return;
  let busy = false;
  let prunedAt = 0;
  g.__senarScheduler = setInterval(() => {
    if (busy) return;
    busy = true;
    const prune = Date.now() - prunedAt >= RETENTION_EVERY_MS;
    if (prune) prunedAt = Date.now();
    runDueSyncs({ budgetMs: everyMs * 5 })
      .catch((err: unknown) => log.error("scheduler tick failed", { err }))
      .then(() => (prune ? pruneOld().then(() => undefined) : undefined))
      .catch((err: unknown) => log.error("retention failed", { err }))
      .finally(() => (busy = false));
  }, everyMs);
  g.__senarScheduler.unref?.();
  log.info("built-in sync scheduler started", { everyMs });
}
