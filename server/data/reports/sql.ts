import "server-only";
// SQL building blocks shared by the report queries. They mirror lib/metrics.ts: score % is the
// stored scorePct (totalPoints / totalMaxPoints), pass = scorePct ≥ COALESCE(scenario override,
// workspace pass mark), days are local days in the workspace's time zone.
import { Prisma } from "@/server/db/generated/client";
import { addDays, splitScenarioKey, type ReportFilters, type ResolvedRange } from "@/lib/report-filters";

/** What every report query needs to know about the workspace (from requireMember's context). */
export type ReportContext = { workspaceId: string; timeZone: string; passMark: number };

export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;
export const raw = Prisma.raw;
export type Sql = Prisma.Sql;

/** The UTC instant (as a timestamp without zone, like trainingDate) where a local day starts. */
export function localDayStart(day: string, timeZone: string): Sql {
  return sql`((${day}::date::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`;
}

/** The local day of an activity, in the workspace's time zone. */
export function localDay(column: Sql, timeZone: string): Sql {
  return sql`(((${column}) AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
}

/** trainingDate within [from, to] (inclusive local dates). */
export function inRange(range: Pick<ResolvedRange, "from" | "to">, timeZone: string, alias = "a"): Sql {
  const col = raw(`${alias}."trainingDate"`);
  return sql`${col} >= ${localDayStart(range.from, timeZone)} AND ${col} < ${localDayStart(addDays(range.to, 1), timeZone)}`;
}

/** Join that brings the scenario's own pass mark (an override of the workspace's). */
export const scenarioJoin = (alias = "a") =>
  raw(`LEFT JOIN "Scenario" sc ON sc."workspaceId" = ${alias}."workspaceId" AND sc."simulatorId" = ${alias}."simulatorId" AND sc.id = ${alias}."scenarioId"`);

export const passExpr = (ctx: ReportContext, alias = "a"): Sql => sql`(${raw(`${alias}."scorePct"`)} >= COALESCE(sc."passMark", ${ctx.passMark}::float8))`;

/** Trainee search: matched against the (small) Trainee table, then used as an indexed IN list. */
export function traineeSearch(ctx: ReportContext, q: string, alias = "a"): Sql {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  // Each word must match one of the fields, so "natalia brown" finds Natalia Brown.
  const perWord = words.map((w) => {
    const l = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`(t."firstName" ILIKE ${l} OR t."lastName" ILIKE ${l} OR t.email ILIKE ${l} OR t.id ILIKE ${l})`;
  });
  const cond = perWord.length ? join(perWord, " AND ") : sql`t.id ILIKE ${like}`;
  return sql`${raw(`${alias}."traineeId"`)} IN (SELECT t.id FROM "Trainee" t WHERE t."workspaceId" = ${ctx.workspaceId} AND ${cond})`;
}

/** WHERE conditions for the activity filters (everything except sort/paging/columns). */
export function activityConditions(
  ctx: ReportContext,
  f: Partial<Pick<ReportFilters, "collection" | "simulator" | "scenario" | "instructor" | "company" | "costCenter" | "q" | "result">>,
  range: Pick<ResolvedRange, "from" | "to"> | null,
  alias = "a",
): Sql[] {
  const c = (name: string) => raw(`${alias}."${name}"`);
  // Rows Senar's last full list did not have (deleted there, or forged through a webhook) are
  // out of the reports, as they are out of the rollups (server/sync/mark-missing.ts).
  const conds: Sql[] = [sql`${c("workspaceId")} = ${ctx.workspaceId}`, sql`${c("presentAtSource")}`];
  if (range) conds.push(inRange(range, ctx.timeZone, alias));
  if (f.collection !== undefined) conds.push(sql`${c("collectionId")} = ${f.collection}::int`);
  if (f.simulator !== undefined) conds.push(sql`${c("simulatorId")} = ${f.simulator}::int`);
  if (f.scenario) {
    const s = splitScenarioKey(f.scenario);
    if (s) conds.push(sql`${c("simulatorId")} = ${s.simulatorId}::int AND ${c("scenarioId")} = ${s.scenarioId}`);
  }
  if (f.instructor) conds.push(sql`${c("userId")} = ${f.instructor}`);
  if (f.company) conds.push(sql`${c("company")} = ${f.company}`);
  if (f.costCenter) conds.push(sql`${c("userCostCenter")} = ${f.costCenter}`);
  if (f.q) conds.push(traineeSearch(ctx, f.q, alias));
  if (f.result === "pass") conds.push(passExpr(ctx, alias));
  if (f.result === "fail") conds.push(sql`NOT ${passExpr(ctx, alias)}`);
  return conds;
}

export const where = (conds: Sql[]): Sql => (conds.length ? sql`WHERE ${join(conds, " AND ")}` : empty);

/** Numbers from SQL aggregates (bigint, numeric or null) as JS numbers. */
export function num(v: unknown): number {
  if (v == null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  const n = Number(String(v));
  return Number.isFinite(n) ? n : 0;
}
export function numOrNull(v: unknown): number | null {
  return v == null ? null : num(v);
}
/** A DATE column as YYYY-MM-DD (drivers hand it back as a Date at UTC midnight, or a string). */
export function isoDay(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
