import "server-only";
// Consumption metrics: records received from Senar per day, by source and type, for the usage
// page and the API. A day is a calendar day in the workspace's time zone, as the writers count
// them (server/sync/usage.ts, through the local-day rule of server/db/sql-rules.ts).
import { addDays, todayIn } from "@/lib/report-filters";
import type { WorkspaceScope } from "@/server/auth/scope";
import { db, type Db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";

// A DATE column comes back as a Date at UTC midnight of that (local) day.
const dayString = (d: Date) => d.toISOString().slice(0, 10);

/** The API's /usage: a from–to window of local days (default: the last 30), with its total. */
export async function usageBetween({ workspaceId, timeZone }: WorkspaceScope, q: { from?: string; to?: string }, client: Db = db) {
  const to = q.to ?? todayIn(timeZone);
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw new AppError("invalid_input", "from: from must not be later than to", { field: "from" });
  const rows = await client.usageDaily.findMany({
    where: { workspaceId, day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    orderBy: [{ day: "asc" }, { source: "asc" }, { type: "asc" }],
    select: { day: true, source: true, type: true, count: true },
  });
  const usage = rows.map((r) => ({ day: dayString(r.day), source: r.source, type: r.type, count: r.count }));
  return { from, to, total: usage.reduce((s, r) => s + r.count, 0), usage };
}

export type UsageRow = { day: string; source: string; type: string; count: number };

/** The usage page: the last `days` days of rows, oldest first. */
export async function usageByDay({ workspaceId }: WorkspaceScope, days = 30): Promise<UsageRow[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await db.usageDaily.findMany({ where: { workspaceId, day: { gte: since } }, orderBy: [{ day: "asc" }, { source: "asc" }, { type: "asc" }] });
  return rows.map((r) => ({ day: dayString(r.day), source: r.source, type: r.type, count: r.count }));
}
