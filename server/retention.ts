import "server-only";
// Retention: the operational logs grow with traffic and would otherwise be kept for ever.
// Sign-in attempts older than LOGIN_RETENTION_DAYS, and webhook deliveries, invalid records and
// finished sync runs older than RETENTION_DAYS, are deleted, and idempotency keys after a day. Each workspace keeps its latest run
// and its latest complete run whatever their age (the scheduler's "last synced" and the progress
// bar's estimate read them) and every RUNNING run. Run daily by the built-in scheduler and by
// GET /api/cron/retention; deleting twice is harmless, so instances need no coordination.
import { db } from "./db/client";
import { env } from "./env";
import { log } from "./log";
import { IDEMPOTENCY_KEEP_MS } from "./senar-users/idempotency";

export type Pruned = { loginAttempts: number; webhookDeliveries: number; invalidRecords: number; syncRuns: number; idempotencyKeys: number };

const DAY_MS = 86_400_000;

export async function pruneOld(opts: { now?: Date; days?: number; loginDays?: number } = {}): Promise<Pruned> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - (opts.days ?? env().RETENTION_DAYS) * DAY_MS);
  const loginCutoff = new Date(now.getTime() - (opts.loginDays ?? env().LOGIN_RETENTION_DAYS) * DAY_MS);
  const keyCutoff = new Date(now.getTime() - IDEMPOTENCY_KEEP_MS);
  const out: Pruned = { loginAttempts: 0, webhookDeliveries: 0, invalidRecords: 0, syncRuns: 0, idempotencyKeys: 0 };
  out.loginAttempts = (await db.loginAttempt.deleteMany({ where: { createdAt: { lt: loginCutoff } } })).count;
  // Per workspace, so each delete is a range of the (workspaceId, time) indexes.
  for (const { id: workspaceId } of await db.workspace.findMany({ select: { id: true } })) {
    out.webhookDeliveries += (await db.webhookDelivery.deleteMany({ where: { workspaceId, receivedAt: { lt: cutoff } } })).count;
    out.invalidRecords += (await db.invalidRecord.deleteMany({ where: { workspaceId, createdAt: { lt: cutoff } } })).count;
    out.idempotencyKeys += (await db.idempotencyKey.deleteMany({ where: { workspaceId, createdAt: { lt: keyCutoff } } })).count;
    const keep = await Promise.all([
      db.syncRun.findFirst({ where: { workspaceId }, orderBy: { startedAt: "desc" }, select: { id: true } }),
      db.syncRun.findFirst({ where: { workspaceId, status: { in: ["SUCCEEDED", "PARTIAL"] } }, orderBy: { startedAt: "desc" }, select: { id: true } }),
    ]);
    const keepIds = keep.flatMap((k) => (k ? [k.id] : []));
    out.syncRuns += (
      await db.syncRun.deleteMany({ where: { workspaceId, status: { not: "RUNNING" }, startedAt: { lt: cutoff }, id: { notIn: keepIds } } })
    ).count;
  }
  log.info("retention: old rows deleted", { ...out, days: opts.days ?? env().RETENTION_DAYS });
  return out;
}
