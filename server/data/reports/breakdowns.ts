import "server-only";
// Breakdowns: the period's sessions grouped by one dimension (collection → simulator → scenario
// drill-down, company, cost centre, instructor), aggregated in SQL.
import { db } from "@/server/db/client";
import { kpisFromSums, type Kpis } from "@/lib/metrics";
import { resolveRange, type BreakdownDimension, type BreakdownFilters } from "@/lib/report-filters";
import { num, raw, sql, where, type Sql } from "@/server/db/sql";
import { passExpr, scenarioJoin, scenarioKey } from "@/server/db/sql-rules";
import { activityConditions } from "./conditions";
import type { WorkspaceScope } from "@/server/auth/scope";

export type BreakdownRow = Kpis & { key: string; label: string; trainees: number; sub: string | null };
export type Breakdown = { rows: BreakdownRow[]; total: BreakdownRow; from: string; to: string };

const DIMS: Record<BreakdownDimension, { key: Sql; label: string; sub: string }> = {
  collection: { key: raw(`a."collectionId"::text`), label: `MAX(a."collectionTitle")`, sub: `NULL` },
  simulator: { key: raw(`a."simulatorId"::text`), label: `MAX(a."simulatorTitle")`, sub: `MAX(a."collectionTitle")` },
  scenario: { key: scenarioKey(), label: `MAX(COALESCE(a."scenarioName", a."scenarioId"))`, sub: `MAX(a."simulatorTitle")` },
  company: { key: raw(`COALESCE(a.company, '')`), label: `MAX(a.company)`, sub: `NULL` },
  costCenter: { key: raw(`COALESCE(a."userCostCenter", '')`), label: `MAX(a."userCostCenter")`, sub: `NULL` },
  instructor: { key: raw(`COALESCE(a."userId", '')`), label: `MAX(TRIM(COALESCE(a."userFirstName", '') || ' ' || COALESCE(a."userLastName", '')))`, sub: `MAX(a."userCostCenter")` },
};

const ORDER: Record<BreakdownFilters["bsort"], string> = {
  sessions: `sessions DESC`,
  trainees: `trainees DESC`,
  score: `("sumScorePct" / NULLIF(scored, 0)) ASC NULLS LAST`,
  pass: `(passed / NULLIF(scored, 0)) ASC NULLS LAST`,
  time: `"totalSec" DESC`,
  name: `lower(label) ASC NULLS LAST`,
};

type Raw = { key: string | null; label: string | null; sub: string | null; sessions: number; trainees: number; scored: number; passed: number; sumScorePct: number; totalSec: number; totalTries: number; tilts: number; abandons: number };

function toRow(r: Raw, fallback: string): BreakdownRow {
  const k = kpisFromSums({
    sessions: num(r.sessions), scored: num(r.scored), passed: num(r.passed), sumScorePct: num(r.sumScorePct),
    totalSec: num(r.totalSec), totalTries: num(r.totalTries), tilts: num(r.tilts), abandons: num(r.abandons),
  });
  return { ...k, key: r.key ?? "", label: r.label?.trim() || (r.key ? r.key : fallback), trainees: num(r.trainees), sub: r.sub };
}

const AGG = (ctx: WorkspaceScope) => sql`COUNT(*)::float8 AS sessions, COUNT(DISTINCT a."traineeId")::float8 AS trainees,
  COUNT(a."scorePct")::float8 AS scored, COUNT(*) FILTER (WHERE ${passExpr(ctx.passMark)})::float8 AS passed,
  COALESCE(SUM(a."scorePct"), 0)::float8 AS "sumScorePct", COALESCE(SUM(a."totalSec"), 0)::float8 AS "totalSec",
  COALESCE(SUM(a."totalTries"), 0)::float8 AS "totalTries", COALESCE(SUM(a.tilts), 0)::float8 AS tilts, COALESCE(SUM(a.abandons), 0)::float8 AS abandons`;

export async function getBreakdown(ctx: WorkspaceScope, f: BreakdownFilters, now = new Date()): Promise<Breakdown> {
  const range = resolveRange(f, ctx.timeZone, now);
  const conds = activityConditions(ctx, f, range);
  const d = DIMS[f.by];
  const [rows, totals] = await Promise.all([
    db.$queryRaw<Raw[]>(sql`
      SELECT * FROM (
        SELECT ${d.key} AS key, ${raw(d.label)} AS label, ${raw(d.sub)} AS sub, ${AGG(ctx)}
        FROM "Activity" a ${scenarioJoin()} ${where(conds)} GROUP BY 1
      ) g ORDER BY ${raw(ORDER[f.bsort])}, key LIMIT 500`),
    db.$queryRaw<Raw[]>(sql`SELECT NULL AS key, 'All' AS label, NULL AS sub, ${AGG(ctx)} FROM "Activity" a ${scenarioJoin()} ${where(conds)}`),
  ]);
  return { rows: rows.map((r) => toRow(r, "(none)")), total: toRow(totals[0]!, "All"), from: range.from, to: range.to };
}
