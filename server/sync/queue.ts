import "server-only";
// "Something changed at Senar": queue a full sync for the next scheduler or cron tick. A queued
// run is a RUNNING run whose lease is free (heartbeat at the epoch), which both pick up at once.
// A webhook body without records is such a signal, and anyone holding a hook URL can send it,
// so a signal queues at most one sync per workspace every SIGNAL_GAP_MS (a full sync is the
// most expensive thing the portal does). The in-process memo spares the database a storm.
import { db } from "../db/client";

export const SIGNAL_GAP_MS = 5 * 60_000;
const lastQueued = new Map<string, number>();

/** Queues a sync unless one is running, or (with `notWithinMs`) one of this trigger was queued lately. */
export async function queueSync(workspaceId: string, trigger: string, opts: { notWithinMs?: number } = {}): Promise<boolean> {
  const gap = opts.notWithinMs ?? 0;
  const memoKey = `${workspaceId}\u0000${trigger}`;
  if (gap > 0 && Date.now() - (lastQueued.get(memoKey) ?? 0) < gap) return false;
  let recentlyQueued = false;
  const queued = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('sync'), hashtext(${workspaceId}))::text`;
    const now = new Date();
    const running = await tx.syncRun.count({ where: { workspaceId, status: "RUNNING" } });
    if (running > 0) return false;
    if (gap > 0) {
      const recent = await tx.syncRun.count({ where: { workspaceId, trigger, startedAt: { gt: new Date(now.getTime() - gap) } } });
      if (recent > 0) {
        recentlyQueued = true;
        return false;
      }
    }
    await tx.syncRun.create({ data: { workspaceId, trigger, fetchedAt: now, startedAt: now, heartbeatAt: new Date(0) } });
    return true;
  });
  if (gap > 0) {
    if (lastQueued.size >= 10_000) lastQueued.clear();
    if (queued || recentlyQueued) lastQueued.set(memoKey, Date.now());
  }
  return queued;
}
