import "server-only";
// WHERE conditions the report queries share: the explorer's activity filters (also used by the
// breakdowns and the API) and the trainee search (explorer, matrix, trainee list).
import { addDays, splitScenarioKey, type ReportFilters, type ResolvedRange } from "@/lib/report-filters";
import { localDayStart, passExpr } from "@/server/db/sql-rules";
import { join, raw, sql, type Sql } from "@/server/db/sql";
import type { WorkspaceScope } from "@/server/auth/scope";

/** trainingDate within [from, to] (inclusive local dates). */
export function inRange(range: Pick<ResolvedRange, "from" | "to">, timeZone: string, alias = "a"): Sql {
  const col = raw(`${alias}."trainingDate"`);
  return sql`${col} >= ${localDayStart(range.from, timeZone)} AND ${col} < ${localDayStart(addDays(range.to, 1), timeZone)}`;
}

const likeEscape = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One condition per search word (at most 4), each matching a field of Trainee `t`, so "natalia brown" finds Natalia Brown. */
export function traineeMatch(q: string | undefined): Sql[] {
  return (q ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => {
      const l = likeEscape(w);
      return sql`(t."firstName" ILIKE ${l} OR t."lastName" ILIKE ${l} OR t.email ILIKE ${l} OR t.id ILIKE ${l})`;
    });
}

/** Trainee search: matched against the (small) Trainee table, then used as an indexed IN list. */
export function traineeSearch(ctx: WorkspaceScope, q: string, alias = "a"): Sql {
  const perWord = traineeMatch(q);
  const cond = perWord.length ? join(perWord, " AND ") : sql`t.id ILIKE ${likeEscape(q)}`;
  return sql`${raw(`${alias}."traineeId"`)} IN (SELECT t.id FROM "Trainee" t WHERE t."workspaceId" = ${ctx.workspaceId} AND ${cond})`;
}

/** WHERE conditions for the activity filters (everything except sort/paging/columns). */
export function activityConditions(
  ctx: WorkspaceScope,
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
  if (f.result === "pass") conds.push(passExpr(ctx.passMark, alias));
  if (f.result === "fail") conds.push(sql`NOT ${passExpr(ctx.passMark, alias)}`);
  return conds;
}
