import "server-only";
// Consumption metrics for the API: records received from Senar per day, by source and type.
import { db, type Db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";

const DAY = 86_400_000;
const dayString = (d: Date) => d.toISOString().slice(0, 10);

export async function usageBetween(workspaceId: string, q: { from?: string; to?: string }, client: Db = db) {
  const to = q.to ?? dayString(new Date());
  const from = q.from ?? dayString(new Date(new Date(`${to}T00:00:00Z`).getTime() - 29 * DAY));
  if (from > to) throw new AppError("invalid_input", "from: from must not be later than to", { field: "from" });
  const rows = await client.usageDaily.findMany({
    where: { workspaceId, day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    orderBy: [{ day: "asc" }, { source: "asc" }, { type: "asc" }],
    select: { day: true, source: true, type: true, count: true },
  });
  const usage = rows.map((r) => ({ day: dayString(r.day), source: r.source, type: r.type, count: r.count }));
  return { from, to, total: usage.reduce((s, r) => s + r.count, 0), usage };
}
