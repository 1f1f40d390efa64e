// npm run bench:reports [-- --activities 1000000 --runs 30]
// Seeds a throw-away PostgreSQL (tests/support/postgres-cluster.ts) with 1,000,000 activities
// (5,000 trainees, 60 scenarios, two years, generated in SQL with a fixed seed), builds the
// rollups with the cache's own rebuildRollups, then times the report data functions the pages
// call (p50/p95 over repeated runs) next to the raw full-scan SQL computing the same dashboard
// figures from the activities. Prints figures and ratios against the goals (docs/BENCH-REPORTS.md).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { machine } from "./lib/machine";
import { fmt, percentile, ratio } from "./lib/stats";
import { startCluster } from "../tests/support/postgres-cluster";
import { createBenchDatabase } from "./lib/bench-db";

const { values } = parseArgs({
  options: { activities: { type: "string" }, runs: { type: "string" }, "skip-export": { type: "boolean" }, keep: { type: "boolean" }, url: { type: "string" } },
  strict: true,
});
const N = Number(values.activities ?? 1_000_000);
const RUNS = Number(values.runs ?? 30);
const WS = "bench-ws";
const TZ = "Europe/Paris";

// --url reuses a database seeded by an earlier run (--keep leaves its cluster running).
const cluster = values.url ? null : await startCluster();
const stopCluster = () => {
  if (cluster && !values.keep) cluster.stop();
};
process.on("exit", stopCluster);
const url = values.url ?? cluster!.url("bench");
if (cluster) {
  await createBenchDatabase(cluster);
  if (values.keep) console.log(`database kept running: ${url} (reuse with --url)`);
}
// The app's env module reads these on first use; set before importing app modules.
process.env.DATABASE_URL = url;
// Not "production": that would demand real secrets, which a benchmark does not use.
Object.assign(process.env, { NODE_ENV: "test" });
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "bench-reports-"));
process.env.LOG_LEVEL = "error";
const { createAdapterFactory } = await import("@/server/db/adapter");
const { applyMigrations } = await import("@/server/db/migrate");
if (cluster) {
  const f = createAdapterFactory({ mode: "postgres", url });
  await applyMigrations(f);
  await f.close?.();
}
const { db, disconnectDb } = await import("@/server/db/client");
const { rebuildRollups } = await import("@/server/sync/rollups");
const { mintScope } = await import("@/server/auth/scope");
const { getKpis, getWeeklyTrend, getScenarioRankings, getLatestSessions } = await import("@/server/data/reports/dashboard");
const { listActivities, streamActivities } = await import("@/server/data/reports/activities");
const { getMatrix } = await import("@/server/data/reports/matrix");
const { getBreakdown } = await import("@/server/data/reports/breakdowns");
const { activityCsvLine, csvColumns } = await import("@/server/data/reports/activity-csv");
const { parseReportFilters, parseFiltersLenient, matrixFiltersSchema, breakdownFiltersSchema, resolveRange, DEFAULT_COLUMNS } = await import("@/lib/report-filters");

const ANCHOR = "2026-06-01";
const NOW = new Date(`${ANCHOR}T10:00:00Z`);

async function seed() {
  const t0 = performance.now();
  await db.$executeRawUnsafe(`INSERT INTO "Workspace" (id, slug, name, "timeZone", "passMark", "updatedAt") VALUES ('${WS}', 'bench', 'Bench', '${TZ}', 0.8, now())`);
  await db.$executeRawUnsafe(`SELECT setseed(0.42)`);
  // 6 collections × 2 simulators × 5 scenarios = 60 scenarios.
  await db.$executeRawUnsafe(`INSERT INTO "Collection" ("workspaceId", id, title) SELECT '${WS}', c, 'Collection ' || c FROM generate_series(1, 6) c`);
  await db.$executeRawUnsafe(`INSERT INTO "Simulator" ("workspaceId", id, "collectionId", title) SELECT '${WS}', s, (s + 1) / 2, 'Simulator ' || s FROM generate_series(1, 12) s`);
  await db.$executeRawUnsafe(`INSERT INTO "Scenario" ("workspaceId", "simulatorId", id, name, "maxPoints") SELECT '${WS}', s, 'S' || lpad(k::text, 2, '0'), 'Scenario ' || s || '.' || k, 1000 FROM generate_series(1, 12) s, generate_series(1, 5) k`);
  await db.$executeRawUnsafe(`INSERT INTO "Trainee" ("workspaceId", id, "firstName", "lastName", email, company, profile)
    SELECT '${WS}', 't' || i, 'First' || (i % 97), 'Last' || lpad((i % 1000)::text, 4, '0'), 'trainee' || i || '@example.test', 'Company ' || (i % 20), 'Guest' FROM generate_series(1, 5000) i`);
  await db.$executeRawUnsafe(`INSERT INTO "Instructor" ("workspaceId", id, "firstName", "lastName", email, "costCenter", "accountName")
    SELECT '${WS}', 'u' || i, 'Instr' || i, 'Uctor' || i, 'u' || i || '@example.test', 'CC ' || (i % 8), 'Bench' FROM generate_series(1, 150) i`);
  await db.$executeRawUnsafe(`INSERT INTO "Company" ("workspaceId", name) SELECT '${WS}', 'Company ' || i FROM generate_series(0, 19) i`);
  await db.$executeRawUnsafe(`INSERT INTO "CostCenter" ("workspaceId", name) SELECT '${WS}', 'CC ' || i FROM generate_series(0, 7) i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Activity" ("workspaceId", id, "collectionId", "userId", "traineeId", "firstName", "lastName", company, "trainingDate",
      "scenarioId", "scenarioName", "totalPoints", "totalSec", "totalTries", "simulatorId", tilts, "totalMaxPoints", abandons,
      "collectionTitle", "simulatorTitle", "userFirstName", "userLastName", "userEmail", "userCostCenter", "userAccountName",
      "traineeEmail", "traineeProfile", "scorePct", raw, hash, "sourceAt")
    SELECT '${WS}', g.i, (g.sim + 1) / 2, 'u' || g.u, 't' || g.t, 'First' || (g.t % 97), 'Last' || lpad((g.t % 1000)::text, 4, '0'), 'Company ' || (g.t % 20),
      timestamp '${ANCHOR}' - (g.day || ' days')::interval + (g.sec || ' seconds')::interval,
      'S' || lpad(g.k::text, 2, '0'), 'Scenario ' || g.sim || '.' || g.k, g.pts, 300 + (random() * 1500)::int, 1 + (random() < 0.2)::int,
      g.sim, (random() < 0.1)::int, 1000, (random() < 0.03)::int,
      'Collection ' || ((g.sim + 1) / 2), 'Simulator ' || g.sim, 'Instr' || g.u, 'Uctor' || g.u, 'u' || g.u || '@example.test', 'CC ' || (g.u % 8), 'Bench',
      'trainee' || g.t || '@example.test', 'Guest', g.pts / 1000.0, '{}'::jsonb, md5(g.i::text), now()
    FROM (
      SELECT i, 1 + (random() * 11)::int AS sim, 1 + (random() * 4)::int AS k, 1 + (random() * 4999)::int AS t, 1 + (random() * 149)::int AS u,
             (sqrt(random()) * 730)::int AS day, (23400 + random() * 37800)::int AS sec, least(1000, greatest(0, (870 + 120 * (random() + random() + random() - 1.5))::int)) AS pts
      FROM generate_series(1, ${N}) i
    ) g`);
  const tInsert = performance.now();
  await db.$executeRawUnsafe(`ANALYZE`);
  await rebuildRollups(db, WS);
  // The steady state, not the instant after a bulk load: autovacuum (insert threshold) would
  // have set the visibility map by then, which index-only scans depend on.
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  const rollups = await db.dailyRollup.count({ where: { workspaceId: WS } });
  const traineeDays = await db.dailyTrainee.count({ where: { workspaceId: WS } });
  console.log(`seeded ${fmt(N, 0)} activities in ${fmt((tInsert - t0) / 1000)} s; rollups rebuilt in ${fmt((performance.now() - tInsert) / 1000)} s (${fmt(rollups, 0)} DailyRollup rows, ${fmt(traineeDays, 0)} DailyTrainee rows)`);
}

type Result = { name: string; p50: number; p95: number; min: number };
async function time(name: string, fn: () => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: plans, caches, connections
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const r = { name, p50: percentile(samples, 50), p95: percentile(samples, 95), min: Math.min(...samples) };
  console.log(`${name.padEnd(58)} p50 ${fmt(r.p50).padStart(7)} ms   p95 ${fmt(r.p95).padStart(7)} ms`);
  return r;
}

if (cluster) await seed();
const ctx = mintScope({ id: WS, timeZone: TZ, passMark: 0.8 });
const range30 = resolveRange({ range: "30d" }, TZ, NOW);
const range12m = resolveRange({ range: "12m" }, TZ, NOW);

const dashboard = (range: typeof range30) => () =>
  Promise.all([getKpis(ctx, range), getWeeklyTrend(ctx, range), getScenarioRankings(ctx, range), getLatestSessions(ctx)]);

// The same dashboard figures computed from the raw activities (what the rollups save).
const { Prisma } = await import("@/server/db/generated/client");
const rawDashboard = (range: typeof range30) => async () => {
  const lo = (d: string) => Prisma.sql`((${d}::date::timestamp AT TIME ZONE ${TZ}) AT TIME ZONE 'UTC')`;
  const next = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
  const period = (from: string, to: string) => db.$queryRaw`
    SELECT COUNT(*) AS sessions, COUNT(DISTINCT a."traineeId") AS trainees, AVG(a."scorePct") AS score,
           AVG((a."scorePct" >= COALESCE(sc."passMark", 0.8))::int) AS pass, SUM(a."totalSec") AS sec, AVG(a."totalTries") AS tries
    FROM "Activity" a LEFT JOIN "Scenario" sc ON sc."workspaceId" = a."workspaceId" AND sc."simulatorId" = a."simulatorId" AND sc.id = a."scenarioId"
    WHERE a."workspaceId" = ${WS} AND a."trainingDate" >= ${lo(from)} AND a."trainingDate" < ${lo(next(to))}`;
  const trendFrom = range.days < 84 ? new Date(new Date(`${range.to}T00:00:00Z`).getTime() - 83 * 86_400_000).toISOString().slice(0, 10) : range.from;
  return Promise.all([
    period(range.from, range.to),
    period(range.prevFrom, range.prevTo),
    db.$queryRaw`SELECT date_trunc('week', ((a."trainingDate" AT TIME ZONE 'UTC') AT TIME ZONE ${TZ})) AS w, COUNT(*), AVG(a."scorePct")
      FROM "Activity" a WHERE a."workspaceId" = ${WS} AND a."trainingDate" >= ${lo(trendFrom)} AND a."trainingDate" < ${lo(next(range.to))} GROUP BY 1`,
    db.$queryRaw`SELECT a."simulatorId", a."scenarioId", AVG((a."scorePct" >= COALESCE(sc."passMark", 0.8))::int) AS pass, COUNT(*)
      FROM "Activity" a LEFT JOIN "Scenario" sc ON sc."workspaceId" = a."workspaceId" AND sc."simulatorId" = a."simulatorId" AND sc.id = a."scenarioId"
      WHERE a."workspaceId" = ${WS} AND a."trainingDate" >= ${lo(range.from)} AND a."trainingDate" < ${lo(next(range.to))} GROUP BY 1, 2`,
    getLatestSessions(ctx),
  ]);
};

const results: Result[] = [];
results.push(await time("dashboard, last 30 days (rollups)", dashboard(range30)));
results.push(await time("dashboard, last 30 days: raw SQL on activities", rawDashboard(range30)));
results.push(await time("dashboard, last 12 months (rollups)", dashboard(range12m)));
results.push(await time("dashboard, last 12 months: raw SQL on activities", rawDashboard(range12m)));
const explorerDefault = parseReportFilters({});
const explorerFiltered = parseReportFilters({ range: "90d", collection: "3", result: "fail", sort: "score", dir: "asc" });
const explorerSearch = parseReportFilters({ range: "12m", q: "Last0042", company: "Company 2", sort: "trainee", dir: "asc" });
results.push(await time("explorer, default (30 days, newest first)", () => listActivities(ctx, explorerDefault, NOW)));
results.push(await time("explorer, 90 d + collection + failed, sorted by score", () => listActivities(ctx, explorerFiltered, NOW)));
results.push(await time("explorer, 12 m + trainee search + company, by trainee", () => listActivities(ctx, explorerSearch, NOW)));
results.push(await time("explorer, page 50 of the filtered set", () => listActivities(ctx, { ...explorerFiltered, page: 50 }, NOW)));
const mf = parseFiltersLenient(matrixFiltersSchema, { collection: "2" });
results.push(await time("matrix, one collection, 100 trainees × 10 scenarios", () => getMatrix(ctx, mf, 2)));
results.push(await time("matrix, one collection, ordered by scenarios passed", () => getMatrix(ctx, { ...mf, sort: "passed" }, 2)));
results.push(await time("breakdown by company, last 30 days", () => getBreakdown(ctx, parseFiltersLenient(breakdownFiltersSchema, { by: "company" }), NOW)));

let exportLine = "";
if (!values["skip-export"]) {
  // The CSV export of every activity (two years): rows/s and the peak RSS of this process.
  const f = parseReportFilters({ range: "custom", from: "2024-01-01", to: ANCHOR });
  const cols = csvColumns(DEFAULT_COLUMNS);
  let rows = 0;
  let bytes = 0;
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const t = performance.now();
  for await (const chunk of streamActivities(ctx, f, 5_000, NOW)) {
    for (const r of chunk) bytes += Buffer.byteLength(activityCsvLine(r, cols, TZ));
    rows += chunk.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const s = (performance.now() - t) / 1000;
  exportLine = `CSV export of the whole set: ${fmt(rows, 0)} rows, ${fmt(bytes / 1024 / 1024)} MB in ${fmt(s)} s (${fmt(rows / s, 0)} rows/s), peak RSS ${fmt(peak / 1024 / 1024, 0)} MB (${fmt(baseline / 1024 / 1024, 0)} MB before the export)`;
  console.log(exportLine);
}

const by = (n: string) => results.find((r) => r.name.startsWith(n))!;
const d30 = by("dashboard, last 30 days (rollups)");
const r30 = by("dashboard, last 30 days: raw");
const d12 = by("dashboard, last 12 months (rollups)");
const r12 = by("dashboard, last 12 months: raw");
const worstExplorer = Math.max(...results.filter((r) => r.name.startsWith("explorer")).map((r) => r.p95));
console.log("\nGoals");
console.log(`dashboard p95 ≤ 100 ms: ${fmt(d30.p95)} ms (30 d), ${fmt(d12.p95)} ms (12 m) → ${d30.p95 <= 100 && d12.p95 <= 100 ? "met" : "NOT met"}`);
console.log(`dashboard below the raw scan: ×${fmt(ratio(r30.p95, d30.p95))} faster (30 d), ×${fmt(ratio(r12.p95, d12.p95))} faster (12 m)`);
console.log(`explorer p95 ≤ 150 ms: worst ${fmt(worstExplorer)} ms → ${worstExplorer <= 150 ? "met" : "NOT met"}`);
const m = machine();
console.log(`\nmachine: ${m.cores} cores ${m.cpu}, ${m.memoryGb} GB, ${m.node}, ${m.postgres}, load ${m.load}; runs per figure: ${RUNS}`);
await disconnectDb();
stopCluster();
process.exit(0);
