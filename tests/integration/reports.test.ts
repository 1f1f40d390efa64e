// Report queries on a dataset from the Senar simulator (seed 42), written through the cache's
// own upsert so the rollups are real. Every expected figure is computed here, independently,
// from the simulator's records (not from the database).
import { beforeAll, describe, expect, it } from "vitest";
import { datasetFor, type SimActivity } from "@/senar-sim/dataset";
import { addSession, emptySums, isPass, kpisFromSums, scorePct } from "@/lib/metrics";
import { parseFiltersLenient, matrixFiltersSchema, parseReportFilters, resolveRange, breakdownFiltersSchema } from "@/lib/report-filters";
import { parseSenarTimestamp } from "@/lib/senar-time";
import { db } from "@/server/db/client";
import { parseRecord } from "@/server/senar/schemas";
// dimensions.ts and upsert-activities.ts import each other; loading dimensions first resolves the cycle.
import "@/server/sync/dimensions";
import { rebuildRollups } from "@/server/sync/rollups";
import { upsertActivities } from "@/server/sync/upsert-activities";
import { getKpis, getScenarioRankings, getWeeklyTrend, getLatestSessions } from "@/server/data/reports/dashboard";
import { listActivities, streamActivities } from "@/server/data/reports/activities";
import { getBreakdown } from "@/server/data/reports/breakdowns";
import { getTraineeProfile, listTrainees } from "@/server/data/reports/trainees";
import { getMatrix, streamMatrix } from "@/server/data/reports/matrix";
import { mintScope, type WorkspaceScope } from "@/server/auth/scope";

const TZ = "America/New_York";
const ANCHOR = new Date("2026-06-01T00:00:00Z");
const NOW = new Date("2026-06-01T12:00:00Z"); // 08:00 in New York: "today" is 1 June there
const dataset = datasetFor({ seed: 42 }, { users: 40, trainees: 250, activities: 6000, anchor: ANCHOR });
const records: SimActivity[] = [...dataset.activities()];
let ctx: WorkspaceScope;

const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
const dayCache = new Map<string, string>();
const localDay = (iso: string) => {
  let d = dayCache.get(iso);
  if (d === undefined) dayCache.set(iso, (d = dayFmt.format(parseSenarTimestamp(iso)!)));
  return d;
};
const inDays = (r: SimActivity, from: string, to: string) => {
  const d = localDay(r.trainingDate);
  return d >= from && d <= to;
};

beforeAll(async () => {
  const ws = await db.workspace.create({ data: { slug: "reports-it", name: "Reports IT", timeZone: TZ, passMark: 0.8 } });
  ctx = mintScope(ws);
  const parsed = records.map((r) => {
    const p = parseRecord("activity", r);
    if (!p.ok) throw new Error(p.refused.reason);
    return p.value;
  });
  for (let i = 0; i < parsed.length; i += 1000) {
    await upsertActivities(db, ws.id, parsed.slice(i, i + 1000), { source: "sync", sourceAt: new Date() });
  }
}, 180_000);

describe("dashboard KPIs (from rollups)", () => {
  it("match figures computed from the simulator's records for the last 30 days and the period before", async () => {
    const range = resolveRange({ range: "30d" }, TZ, NOW);
    expect(range.to).toBe("2026-06-01");
    const k = await getKpis(ctx, range);
    for (const [from, to, got] of [[range.from, range.to, k.current], [range.prevFrom, range.prevTo, k.previous]] as const) {
      const set = records.filter((r) => inDays(r, from, to));
      const sums = set.reduce((s, r) => addSession(s, r, 0.8), emptySums());
      const want = kpisFromSums(sums);
      expect(set.length).toBeGreaterThan(50);
      expect(got.sessions).toBe(set.length);
      expect(got.uniqueTrainees).toBe(new Set(set.map((r) => r.traineeId)).size);
      expect(got.averageScore).toBeCloseTo(want.averageScore!, 9);
      expect(got.passRate).toBeCloseTo(want.passRate!, 9);
      expect(got.trainingHours).toBeCloseTo(want.trainingHours, 6);
      expect(got.averageTries).toBeCloseTo(want.averageTries!, 9);
    }
    expect(k.change.sessions).toBeCloseTo(k.current.sessions / k.previous.sessions - 1, 9);
  });

  it("counts unique trainees over long periods (whole months, partial months at both ends) exactly", async () => {
    // Whole months come from TraineeMonth, the days around them from DailyTrainee.
    const ranges = [{ range: "12m" }, { range: "custom", from: "2024-06-01", to: "2026-06-01" }, { range: "custom", from: "2025-03-17", to: "2026-02-09" }] as const;
    for (const filters of ranges) {
      const range = resolveRange(filters, TZ, NOW);
      const k = await getKpis(ctx, range);
      for (const [from, to, got] of [[range.from, range.to, k.current], [range.prevFrom, range.prevTo, k.previous]] as const) {
        const set = records.filter((r) => inDays(r, from, to));
        expect(got.sessions).toBe(set.length);
        expect(got.uniqueTrainees).toBe(new Set(set.map((r) => r.traineeId)).size);
      }
    }
  });

  it("puts a session on the workspace's local day, not the UTC day", async () => {
    // A record between 00:00 and 04:00 UTC belongs to the previous day in New York.
    const early = records.find((r) => parseSenarTimestamp(r.trainingDate)!.getUTCHours() < 4 && inDays(r, "2025-06-01", "2026-05-25"));
    if (!early) return; // the simulator trains in working hours; nothing to check then
    const day = localDay(early.trainingDate);
    const k = await getKpis(ctx, resolveRange({ range: "custom", from: day, to: day }, TZ, NOW));
    expect(k.current.sessions).toBe(records.filter((r) => localDay(r.trainingDate) === day).length);
  });

  it("weekly trend sums to the period's sessions, and ranking orders scenarios by pass rate", async () => {
    const range = resolveRange({ range: "90d" }, TZ, NOW);
    const trend = await getWeeklyTrend(ctx, range);
    const total = trend.reduce((a, p) => a + p.sessions, 0);
    expect(total).toBe(records.filter((r) => localDay(r.trainingDate) >= trend[0]!.week && localDay(r.trainingDate) <= range.to).length);
    const { hardest, easiest } = await getScenarioRankings(ctx, range, 5, 5);
    expect(hardest.length).toBeGreaterThan(0);
    expect(hardest[0]!.passRate).toBeLessThanOrEqual(easiest[0]!.passRate);
    const h = hardest[0]!;
    const set = records.filter((r) => inDays(r, range.from, range.to) && r.simulatorId === h.simulatorId && r.scenarioId === h.scenarioId);
    expect(h.passRate).toBeCloseTo(set.filter((r) => isPass(scorePct(r.totalPoints, r.totalMaxPoints), 0.8)).length / set.length, 9);
  });

  it("lists the latest sessions newest first", async () => {
    const latest = await getLatestSessions(ctx, 5);
    const want = [...records].sort((a, b) => b.trainingDate.localeCompare(a.trainingDate) || b.id - a.id).slice(0, 5);
    expect(latest.map((l) => l.id)).toEqual(want.map((w) => String(w.id)));
  });
});

describe("rollups", () => {
  it("equal a recomputation from the raw rows", async () => {
    const diff = await db.$queryRaw<{ n: number }[]>`
      WITH re AS (
        SELECT ((a."trainingDate" AT TIME ZONE 'UTC') AT TIME ZONE ${TZ})::date AS day, COALESCE(a."simulatorId", 0) AS sim, COALESCE(a."scenarioId", '') AS scen,
               COUNT(*)::int AS sessions, COUNT(a."scorePct")::int AS scored,
               COUNT(*) FILTER (WHERE a."scorePct" >= COALESCE(sc."passMark", 0.8))::int AS passed,
               ROUND(COALESCE(SUM(a."scorePct"), 0)::numeric, 6) AS sum, COALESCE(SUM(a."totalSec"), 0)::bigint AS sec, COALESCE(SUM(a."totalTries"), 0)::bigint AS tries,
               COALESCE(SUM(a.tilts), 0)::int AS tilts, COALESCE(SUM(a.abandons), 0)::int AS abandons
        FROM "Activity" a LEFT JOIN "Scenario" sc ON sc."workspaceId" = a."workspaceId" AND sc."simulatorId" = a."simulatorId" AND sc.id = a."scenarioId"
        WHERE a."workspaceId" = ${ctx.workspaceId} AND a."trainingDate" IS NOT NULL GROUP BY 1, 2, 3
      ), ro AS (
        SELECT day, "simulatorId" AS sim, "scenarioId" AS scen, sessions, scored, passed, ROUND("sumScorePct"::numeric, 6) AS sum, "totalSec" AS sec, "totalTries" AS tries, tilts, abandons
        FROM "DailyRollup" WHERE "workspaceId" = ${ctx.workspaceId}
      )
      SELECT ((SELECT COUNT(*) FROM (SELECT * FROM re EXCEPT SELECT * FROM ro) x) + (SELECT COUNT(*) FROM (SELECT * FROM ro EXCEPT SELECT * FROM re) y))::int AS n`;
    expect(diff[0]!.n).toBe(0);
    const trainees = await db.$queryRaw<{ n: number }[]>`
      WITH re AS (SELECT DISTINCT ((a."trainingDate" AT TIME ZONE 'UTC') AT TIME ZONE ${TZ})::date AS day, a."traineeId" FROM "Activity" a WHERE a."workspaceId" = ${ctx.workspaceId} AND a."traineeId" IS NOT NULL AND a."trainingDate" IS NOT NULL),
           ro AS (SELECT day, "traineeId" FROM "DailyTrainee" WHERE "workspaceId" = ${ctx.workspaceId})
      SELECT ((SELECT COUNT(*) FROM (SELECT * FROM re EXCEPT SELECT * FROM ro) x) + (SELECT COUNT(*) FROM (SELECT * FROM ro EXCEPT SELECT * FROM re) y))::int AS n`;
    expect(trainees[0]!.n).toBe(0);
    expect(await db.dailyTrainee.count({ where: { workspaceId: ctx.workspaceId } })).toBeGreaterThan(100);
  });
});

describe("breakdowns", () => {
  it("a company row matches the records (sessions, trainees, score, pass rate, time, tilts, abandons)", async () => {
    const f = parseFiltersLenient(breakdownFiltersSchema, { by: "company", range: "12m" });
    const range = resolveRange(f, TZ, NOW);
    const b = await getBreakdown(ctx, f, NOW);
    const row = b.rows[0]!;
    const set = records.filter((r) => inDays(r, range.from, range.to) && r.company === row.key);
    const want = kpisFromSums(set.reduce((s, r) => addSession(s, r, 0.8), emptySums()));
    expect(row.sessions).toBe(set.length);
    expect(row.sessions).toBe(Math.max(...b.rows.map((r) => r.sessions)));
    expect(row.trainees).toBe(new Set(set.map((r) => r.traineeId)).size);
    expect(row.averageScore).toBeCloseTo(want.averageScore!, 9);
    expect(row.passRate).toBeCloseTo(want.passRate!, 9);
    expect(row.averageSec).toBeCloseTo(want.averageSec!, 6);
    expect(row.tiltsPerSession).toBeCloseTo(want.tiltsPerSession!, 9);
    expect(row.abandonsPerSession).toBeCloseTo(want.abandonsPerSession!, 9);
    expect(b.total.sessions).toBe(records.filter((r) => inDays(r, range.from, range.to)).length);
  });

  it("drills down collection → simulator → scenario", async () => {
    const c = records[0]!;
    const f = parseFiltersLenient(breakdownFiltersSchema, { by: "scenario", range: "12m", collection: String(c.collectionId), simulator: String(c.simulatorId) });
    const range = resolveRange(f, TZ, NOW);
    const b = await getBreakdown(ctx, f, NOW);
    const set = records.filter((r) => inDays(r, range.from, range.to) && r.simulatorId === c.simulatorId);
    expect(b.rows.reduce((a, r) => a + r.sessions, 0)).toBe(set.length);
    expect(new Set(b.rows.map((r) => r.key))).toEqual(new Set(set.map((r) => `${r.simulatorId}:${r.scenarioId}`)));
  });
});

describe("trainee profile", () => {
  it("has every session, the best and last score per scenario, attempts and first pass", async () => {
    const counts = new Map<string, number>();
    for (const r of records) counts.set(r.traineeId, (counts.get(r.traineeId) ?? 0) + 1);
    const traineeId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const mine = records.filter((r) => r.traineeId === traineeId).sort((a, b) => a.trainingDate.localeCompare(b.trainingDate) || a.id - b.id);
    const p = (await getTraineeProfile(ctx, traineeId))!;
    expect(p.sessions).toHaveLength(mine.length);
    expect(p.totals.totalSec).toBe(mine.reduce((a, r) => a + r.totalSec, 0));
    for (const s of p.scenarios) {
      const runs = mine.filter((r) => `${r.simulatorId}:${r.scenarioId}` === s.key);
      const scores = runs.map((r) => scorePct(r.totalPoints, r.totalMaxPoints)!);
      expect(s.attempts).toBe(runs.length);
      expect(s.best).toBeCloseTo(Math.max(...scores), 12);
      expect(s.last).toBeCloseTo(scores[scores.length - 1]!, 12);
      const firstPass = runs.findIndex((r) => isPass(scorePct(r.totalPoints, r.totalMaxPoints), 0.8));
      expect(s.firstPassAttempt).toBe(firstPass < 0 ? null : firstPass + 1);
      expect(s.firstPassAt?.getTime() ?? null).toBe(firstPass < 0 ? null : parseSenarTimestamp(runs[firstPass]!.trainingDate)!.getTime());
    }
    expect(await getTraineeProfile(ctx, "no-such-trainee")).toBeNull();
  });

  it("lists and searches trainees", async () => {
    const r = records[10]!;
    const list = await listTrainees(ctx, { q: `${r.firstName} ${r.lastName}`, page: 1 });
    expect(list.rows.map((x) => x.id)).toContain(r.traineeId);
    const row = list.rows.find((x) => x.id === r.traineeId)!;
    expect(row.sessions).toBe(records.filter((x) => x.traineeId === r.traineeId).length);
  });
});

describe("competency matrix", () => {
  it("a cell holds the best score and the pass state; rows and CSV stream cover the same trainees", async () => {
    const collectionId = records[0]!.collectionId;
    const f = parseFiltersLenient(matrixFiltersSchema, { collection: String(collectionId), size: "200" });
    const m = await getMatrix(ctx, f, collectionId);
    const inColl = records.filter((r) => r.collectionId === collectionId);
    expect(m.total).toBe(new Set(inColl.map((r) => r.traineeId)).size);
    const row = m.rows[0]!;
    const col = m.columns.find((c) => row.cells[c.key])!;
    const runs = inColl.filter((r) => r.traineeId === row.traineeId && `${r.simulatorId}:${r.scenarioId}` === col.key);
    const best = Math.max(...runs.map((r) => scorePct(r.totalPoints, r.totalMaxPoints)!));
    const cell = row.cells[col.key]!;
    expect(cell.best).toBeCloseTo(best, 12);
    expect(cell.attempts).toBe(runs.length);
    expect(cell.state).toBe(best >= 0.8 ? "passed" : "attempted");
    // A scenario the trainee never ran is "not attempted" (no cell).
    const tried = new Set(inColl.filter((r) => r.traineeId === row.traineeId).map((r) => `${r.simulatorId}:${r.scenarioId}`));
    for (const c of m.columns) expect(Boolean(row.cells[c.key])).toBe(tried.has(c.key));
    let streamed = 0;
    for await (const chunk of streamMatrix(ctx, f, collectionId, 37)) streamed += chunk.rows.length;
    expect(streamed).toBe(m.total);
  });

  it("a scenario pass-mark override changes the cell and, after a rebuild, the rollups", async () => {
    const collectionId = records[0]!.collectionId;
    const f = parseFiltersLenient(matrixFiltersSchema, { collection: String(collectionId) });
    const m = await getMatrix(ctx, f, collectionId);
    const target = m.rows.flatMap((r) => Object.entries(r.cells).map(([k, c]) => ({ k, c }))).find((x) => x.c.state === "attempted" && (x.c.best ?? 0) > 0.3)!;
    const [simId, scenId] = [Number(target.k.split(":")[0]), target.k.split(":").slice(1).join(":")];
    await db.scenario.update({ where: { workspaceId_simulatorId_id: { workspaceId: ctx.workspaceId, simulatorId: simId, id: scenId } }, data: { passMark: 0.3 } });
    try {
      const m2 = await getMatrix(ctx, f, collectionId);
      const cell = m2.rows.flatMap((r) => Object.entries(r.cells)).find(([k, c]) => k === target.k && c.best === target.c.best)!;
      expect(cell[1].state).toBe("passed");
      await rebuildRollups(db, ctx.workspaceId);
      const range = resolveRange({ range: "custom", from: "2024-01-01", to: "2026-06-01" }, TZ, NOW);
      const rank = (await getScenarioRankings(ctx, range, 100, 1)).easiest;
      const runs = records.filter((r) => r.simulatorId === simId && r.scenarioId === scenId);
      const got = rank.find((r) => r.simulatorId === simId && r.scenarioId === scenId)!;
      expect(got.passRate).toBeCloseTo(runs.filter((r) => isPass(scorePct(r.totalPoints, r.totalMaxPoints), 0.8, 0.3)).length / runs.length, 9);
    } finally {
      await db.scenario.update({ where: { workspaceId_simulatorId_id: { workspaceId: ctx.workspaceId, simulatorId: simId, id: scenId } }, data: { passMark: null } });
      await rebuildRollups(db, ctx.workspaceId);
    }
  });
});

describe("activities explorer", () => {
  it("filters, sorts and pages; the CSV stream yields exactly the filtered set in the same order", async () => {
    const r0 = records[records.length - 1]!;
    const f = parseReportFilters({ range: "12m", company: r0.company, result: "fail", sort: "score", dir: "asc", size: "25" });
    const range = resolveRange(f, TZ, NOW);
    const want = records.filter(
      (r) => inDays(r, range.from, range.to) && r.company === r0.company && !isPass(scorePct(r.totalPoints, r.totalMaxPoints), 0.8),
    );
    const page1 = await listActivities(ctx, f, NOW);
    expect(page1.total).toBe(want.length);
    expect(page1.rows.length).toBe(Math.min(25, want.length));
    const scores = page1.rows.map((r) => r.scorePct!);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(page1.rows.every((r) => r.passed === false && r.company === r0.company)).toBe(true);
    // Page through the table, then stream it in small chunks: same ids, same order.
    const paged: string[] = [];
    for (let p = 1; p <= page1.pages; p++) paged.push(...(await listActivities(ctx, { ...f, page: p }, NOW)).rows.map((r) => r.id));
    const streamed: string[] = [];
    for await (const chunk of streamActivities(ctx, f, 7, NOW)) streamed.push(...chunk.map((r) => r.id));
    expect(streamed).toEqual(paged);
    expect(new Set(streamed)).toEqual(new Set(want.map((r) => String(r.id))));
  });

  it("streams a date-sorted export by index seeks, without losing or repeating rows at equal timestamps", async () => {
    for (const dir of ["desc", "asc"] as const) {
      const f = parseReportFilters({ range: "90d", sort: "date", dir, size: "100" });
      const first = await listActivities(ctx, f, NOW);
      const paged: string[] = [];
      for (let p = 1; p <= first.pages; p++) paged.push(...(await listActivities(ctx, { ...f, page: p }, NOW)).rows.map((r) => r.id));
      const streamed: string[] = [];
      for await (const chunk of streamActivities(ctx, f, 13, NOW)) streamed.push(...chunk.map((r) => r.id));
      expect(streamed).toEqual(paged);
      expect(new Set(streamed).size).toBe(first.total);
    }
  });

  it("searches trainees by name words and filters by scenario and instructor", async () => {
    const r = records[100]!;
    const f = parseReportFilters({ range: "custom", from: "2024-01-01", to: "2026-06-01", q: `${r.lastName.toLowerCase()} ${r.firstName}`, scenario: `${r.simulatorId}:${r.scenarioId}`, instructor: r.userId, sort: "date", dir: "desc" });
    const page = await listActivities(ctx, f, NOW);
    const want = records.filter((x) => x.firstName === r.firstName && x.lastName === r.lastName && x.simulatorId === r.simulatorId && x.scenarioId === r.scenarioId && x.userId === r.userId);
    expect(page.total).toBeGreaterThanOrEqual(want.filter((x) => x.traineeId === r.traineeId).length);
    expect(page.rows.map((x) => x.id)).toContain(String(r.id));
    const dates = page.rows.map((x) => x.trainingDate!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});
