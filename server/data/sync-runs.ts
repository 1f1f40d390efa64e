import "server-only";
// Read side of the sync bookkeeping, as DTOs for pages and routes: run history, progress,
// staleness, and the cheap "data changed" marker the live-refresh stream polls.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db } from "@/server/db/client";
import { parseCounts, totalOf, type SyncCounts } from "@/server/sync/counts";
import { STALE_MS } from "@/server/sync/lock";

export type RunDto = {
  id: string; trigger: string; status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED"; phase: string;
  startedAt: string; finishedAt: string | null; durationMs: number | null; counts: SyncCounts; error: string | null;
  /** 0–100 while running when the size is known (from the previous run), else null. */
  percent: number | null; queued: boolean;
};

type RunRow = Awaited<ReturnType<typeof db.syncRun.findMany>>[number];
export function runDto(r: RunRow): RunDto {
  const counts = parseCounts(r.counts);
  const done = totalOf(counts);
  const percent = r.status === "RUNNING" ? (r.expected ? Math.min(99, Math.floor((100 * done) / r.expected)) : null) : 100;
  return {
    id: r.id, trigger: r.trigger, status: r.status, phase: r.phase,
    startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    counts, error: r.error, percent,
    queued: r.status === "RUNNING" && r.heartbeatAt.getTime() < Date.now() - STALE_MS,
  };
}

export async function recentRuns({ workspaceId }: WorkspaceScope, take = 30): Promise<RunDto[]> {
  const rows = await db.syncRun.findMany({ where: { workspaceId }, orderBy: { startedAt: "desc" }, take });
  return rows.map(runDto);
}

export async function latestRun({ workspaceId }: WorkspaceScope): Promise<RunDto | null> {
  const r = await db.syncRun.findFirst({ where: { workspaceId }, orderBy: { startedAt: "desc" } });
  return r ? runDto(r) : null;
}

export type Staleness = { lastSuccessAt: Date | null; lastFailed: { at: Date; error: string | null } | null; stale: boolean; intervalMinutes: number | null };

/** Stale: no success yet, last success older than 2 × the interval (or 24 h), or last run failed. */
export async function staleness({ workspaceId }: WorkspaceScope, now = new Date()): Promise<Staleness> {
  const [ws, success, last] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspaceId }, select: { syncIntervalMinutes: true, senarUsername: true } }),
    db.syncRun.findFirst({ where: { workspaceId, status: { in: ["SUCCEEDED", "PARTIAL"] } }, orderBy: { startedAt: "desc" }, select: { finishedAt: true } }),
    db.syncRun.findFirst({ where: { workspaceId, status: { not: "RUNNING" } }, orderBy: { startedAt: "desc" }, select: { status: true, finishedAt: true, startedAt: true, error: true } }),
  ]);
  const interval = ws?.syncIntervalMinutes ?? null;
  const limitMs = interval ? Math.max(2 * interval * 60_000, 0) : 24 * 3_600_000;
  const lastSuccessAt = success?.finishedAt ?? null;
  const lastFailed = last?.status === "FAILED" ? { at: last.finishedAt ?? last.startedAt, error: last.error } : null;
  const old = !lastSuccessAt || now.getTime() - lastSuccessAt.getTime() > Math.min(limitMs, 24 * 3_600_000);
  return { lastSuccessAt, lastFailed, stale: Boolean(ws?.senarUsername) && (old || lastFailed !== null), intervalMinutes: interval };
}

/**
 * Changes whenever the workspace's cached data may have changed, from any instance. Every
 * write comes from a webhook delivery or a sync batch, so the newest delivery and the newest
 * run's progress say it all, through two indexed single-row reads.
 */
export async function changeMarker({ workspaceId }: WorkspaceScope): Promise<string> {
  const [d, r] = await Promise.all([
    db.webhookDelivery.findFirst({ where: { workspaceId }, orderBy: { receivedAt: "desc" }, select: { id: true } }),
    db.syncRun.findFirst({ where: { workspaceId }, orderBy: { startedAt: "desc" }, select: { id: true, status: true, phase: true, cursor: true } }),
  ]);
  return [d?.id ?? 0, r ? `${r.id}:${r.status}:${r.phase}:${r.cursor}` : ""].join("|");
}
