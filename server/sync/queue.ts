import "server-only";
// "Something changed at Senar": queue a full sync for the next scheduler or cron tick. A queued
// run is a RUNNING run whose lease is free (heartbeat at the epoch), which both pick up at once.
import { db } from "../db/client";

export async function queueSync(workspaceId: string, trigger: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('sync'), hashtext(${workspaceId}))::text`;
    const running = await tx.syncRun.count({ where: { workspaceId, status: "RUNNING" } });
    if (running > 0) return;
    const now = new Date();
    await tx.syncRun.create({ data: { workspaceId, trigger, fetchedAt: now, startedAt: now, heartbeatAt: new Date(0) } });
  });
}
