import "server-only";
// The dashboard reads the daily rollups only (cost grows with days, not with activities),
// except "latest sessions", which is an indexed top-N on the activities.
import { db } from "@/server/db/client";
import { addDays, monthEnd, wholeMonths, type ResolvedRange } from "@/lib/report-filters";
import { change, kpisFromSums, type Kpis, type SessionSums } from "@/lib/metrics";
import { isoDay, num, numOrNull, sql } from "@/server/db/sql";
import { passExpr, scenarioJoin } from "@/server/db/sql-rules";
import type { WorkspaceScope } from "@/server/auth/scope";

export type KpiSet = Kpis & { uniqueTrainees: number };
export type KpiWithChange = { current: KpiSet; previous: KpiSet; change: Record<keyof KpiSet, number | null> };

type SumRow = { sessions: number | null; scored: number | null; passed: number | null; sumScorePct: number | null; totalSec: number | null; totalTries: number | null; tilts: number | null; abandons: number | null };

async function rollupSums(workspaceId: string, from: string, to: string): Promise<SessionSums> {
  const [r] = await db.$queryRaw<SumRow[]>(sql`
    SELECT SUM(sessions)::float8 AS sessions, SUM(scored)::float8 AS scored, SUM(passed)::float8 AS passed,
           SUM("sumScorePct")::float8 AS "sumScorePct", SUM("totalSec")::float8 AS "totalSec",
           SUM("totalTries")::float8 AS "totalTries", SUM(tilts)::float8 AS tilts, SUM(abandons)::float8 AS abandons
    FROM "DailyRollup" WHERE "workspaceId" = ${workspaceId} AND day BETWEEN ${from}::date AND ${to}::date`);
  return {
    sessions: num(r?.sessions), scored: num(r?.scored), passed: num(r?.passed), sumScorePct: num(r?.sumScorePct),
    totalSec: num(r?.totalSec), totalTries: num(r?.totalTries), tilts: num(r?.tilts), abandons: num(r?.abandons),
  };
}

/**
 * Distinct trainees over a period: whole months from TraineeMonth (a row per trainee and month),
 * the days before and after them from DailyTrainee (a row per trainee and day). A year is then
 * about twelve rows per trainee instead of one per day trained (229k at 1M activities). Each
 * range is its own branch so each is an index-only scan.
 */
async function uniqueTrainees(ctx: WorkspaceScope, from: string, to: string): Promise<number> {
  const months = wholeMonths(from, to);
  const ws = ctx.workspaceId;
  const [r] = await db.$queryRaw<{ n: number }[]>(
    months
      ? sql`
        SELECT COUNT(*)::int AS n FROM (
          SELECT "traineeId" FROM "TraineeMonth" WHERE "workspaceId" = ${ws} AND "month" BETWEEN ${months.first}::date AND ${months.last}::date
          UNION
          SELECT "traineeId" FROM "DailyTrainee" WHERE "workspaceId" = ${ws} AND day BETWEEN ${from}::date AND ${addDays(months.first, -1)}::date
          UNION
          SELECT "traineeId" FROM "DailyTrainee" WHERE "workspaceId" = ${ws} AND day BETWEEN ${addDays(monthEnd(months.last), 1)}::date AND ${to}::date
        ) t`
      : sql`
        SELECT COUNT(*)::int AS n FROM (
          SELECT "traineeId" FROM "DailyTrainee" WHERE "workspaceId" = ${ws} AND day BETWEEN ${from}::date AND ${to}::date GROUP BY 1
        ) t`,
  );
  return num(r?.n);
}

export async function getKpis(ctx: WorkspaceScope, range: ResolvedRange): Promise<KpiWithChange> {
  const [cur, prev, curT, prevT] = await Promise.all([
    rollupSums(ctx.workspaceId, range.from, range.to),
    rollupSums(ctx.workspaceId, range.prevFrom, range.prevTo),
    uniqueTrainees(ctx, range.from, range.to),
    uniqueTrainees(ctx, range.prevFrom, range.prevTo),
  ]);
  const current = { ...kpisFromSums(cur), uniqueTrainees: curT };
  const previous = { ...kpisFromSums(prev), uniqueTrainees: prevT };
  const keys = Object.keys(current) as (keyof KpiSet)[];
  // Rates compare as differences in points (shown "+3.0 pts"); counts as relative change.
  const isRate = (k: keyof KpiSet) => k === "averageScore" || k === "passRate";
  const delta = Object.fromEntries(
    keys.map((k) => [k, isRate(k) ? (current[k] == null || previous[k] == null ? null : (current[k] as number) - (previous[k] as number)) : change(current[k], previous[k])]),
  ) as Record<keyof KpiSet, number | null>;
  return { current, previous, change: delta };
}

export type TrendPoint = { week: string; sessions: number; averageScore: number | null; passRate: number | null; hours: number };

/** Weekly (ISO weeks, Monday first) sessions and average score; at least 12 weeks are shown. */
export async function getWeeklyTrend(ctx: WorkspaceScope, range: ResolvedRange): Promise<TrendPoint[]> {
  const wanted = range.days < 84 ? addDays(range.to, -83) : range.from;
  // Whole weeks only: start on the Monday of the first week, so its bar is not a partial week.
  const monday = new Date(`${wanted}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const from = monday.toISOString().slice(0, 10);
  const rows = await db.$queryRaw<{ week: unknown; sessions: number; scored: number; passed: number; sumScorePct: number; totalSec: number }[]>(sql`
    SELECT date_trunc('week', day)::date AS week, SUM(sessions)::float8 AS sessions, SUM(scored)::float8 AS scored,
           SUM(passed)::float8 AS passed, SUM("sumScorePct")::float8 AS "sumScorePct", SUM("totalSec")::float8 AS "totalSec"
    FROM "DailyRollup" WHERE "workspaceId" = ${ctx.workspaceId} AND day BETWEEN ${from}::date AND ${range.to}::date
    GROUP BY 1 ORDER BY 1`);
  const byWeek = new Map(rows.map((r) => [isoDay(r.week), r]));
  // Every week appears, including empty ones, so the chart's x axis is honest.
  const out: TrendPoint[] = [];
  for (let d = from; d <= range.to; d = addDays(d, 7)) {
    const r = byWeek.get(d);
    out.push({
      week: d,
      sessions: num(r?.sessions),
      averageScore: r && num(r.scored) > 0 ? num(r.sumScorePct) / num(r.scored) : null,
      passRate: r && num(r.scored) > 0 ? num(r.passed) / num(r.scored) : null,
      hours: num(r?.totalSec) / 3600,
    });
  }
  return out;
}

export type ScenarioRank = { simulatorId: number; scenarioId: string; name: string; simulator: string | null; sessions: number; passRate: number; averageScore: number | null };

/**
 * The hardest and the easiest scenarios of the period (by pass rate, then sessions, then id),
 * among those with at least `minSessions` scored sessions: one aggregate over the rollups, both
 * rankings taken from it.
 */
export async function getScenarioRankings(ctx: WorkspaceScope, range: ResolvedRange, limit = 5, minSessions = 10): Promise<{ hardest: ScenarioRank[]; easiest: ScenarioRank[] }> {
  const rows = await db.$queryRaw<{ simulatorId: number; scenarioId: string; name: string | null; simulator: string | null; sessions: number; scored: number; passed: number; sumScorePct: number }[]>(sql`
    SELECT r."simulatorId", r."scenarioId", MAX(sc.name) AS name, MAX(s.title) AS simulator,
           SUM(r.sessions)::float8 AS sessions, SUM(r.scored)::float8 AS scored, SUM(r.passed)::float8 AS passed, SUM(r."sumScorePct")::float8 AS "sumScorePct"
    FROM "DailyRollup" r
    ${scenarioJoin("r")}
    LEFT JOIN "Simulator" s ON s."workspaceId" = r."workspaceId" AND s.id = r."simulatorId"
    WHERE r."workspaceId" = ${ctx.workspaceId} AND r.day BETWEEN ${range.from}::date AND ${range.to}::date
    GROUP BY r."simulatorId", r."scenarioId"
    HAVING SUM(r.scored) >= ${minSessions}::int`);
  const all: ScenarioRank[] = rows.map((r) => ({
    simulatorId: num(r.simulatorId),
    scenarioId: r.scenarioId,
    name: r.name ?? r.scenarioId,
    simulator: r.simulator,
    sessions: num(r.sessions),
    passRate: num(r.passed) / num(r.scored),
    averageScore: num(r.scored) > 0 ? num(r.sumScorePct) / num(r.scored) : null,
  }));
  const rank = (dir: 1 | -1) => (a: ScenarioRank, b: ScenarioRank) =>
    dir * (a.passRate - b.passRate) || b.sessions - a.sessions || (a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : 0);
  return { hardest: [...all].sort(rank(1)).slice(0, limit), easiest: [...all].sort(rank(-1)).slice(0, limit) };
}

export type LatestSession = {
  id: string; trainingDate: Date | null; traineeId: string | null; trainee: string; company: string | null;
  scenario: string | null; simulator: string | null; scorePct: number | null; passed: boolean | null; totalSec: number | null; instructor: string;
};

export async function getLatestSessions(ctx: WorkspaceScope, limit = 8): Promise<LatestSession[]> {
  const rows = await db.$queryRaw<{ id: bigint; trainingDate: Date | null; traineeId: string | null; firstName: string | null; lastName: string | null; company: string | null; scenarioName: string | null; scenarioId: string | null; simulatorTitle: string | null; scorePct: number | null; passed: boolean | null; totalSec: number | null; userFirstName: string | null; userLastName: string | null }[]>(sql`
    SELECT a.id, a."trainingDate", a."traineeId", a."firstName", a."lastName", a.company, a."scenarioName", a."scenarioId", a."simulatorTitle",
           a."scorePct", ${passExpr(ctx.passMark)} AS passed, a."totalSec", a."userFirstName", a."userLastName"
    FROM "Activity" a ${scenarioJoin()}
    WHERE a."workspaceId" = ${ctx.workspaceId} AND a."trainingDate" IS NOT NULL
    ORDER BY a."trainingDate" DESC, a.id DESC LIMIT ${limit}::int`);
  return rows.map((r) => ({
    id: String(r.id),
    trainingDate: r.trainingDate,
    traineeId: r.traineeId,
    trainee: [r.firstName, r.lastName].filter(Boolean).join(" ") || (r.traineeId ?? "Unknown trainee"),
    company: r.company,
    scenario: r.scenarioName ?? r.scenarioId,
    simulator: r.simulatorTitle,
    scorePct: numOrNull(r.scorePct),
    passed: r.passed,
    totalSec: numOrNull(r.totalSec),
    instructor: [r.userFirstName, r.userLastName].filter(Boolean).join(" ") || "—",
  }));
}
