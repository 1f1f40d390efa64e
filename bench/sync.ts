// npm run bench:sync [-- --activities 1000000]
// Full sync of N simulator activities into a throw-away PostgreSQL, against a reference in the
// same run: the same rows, streamed and parsed by the same client, written by a bare multi-row
// upsert (INSERT … SELECT FROM unnest … ON CONFLICT DO UPDATE, raw pg, no hash/dimensions/
// rollups/progress). COPY is not used as the reference because pg-copy-streams is not installed.
// The simulator runs in a child process so this process's peak RSS is the sync's own.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort, startCluster } from "@/tests/support/postgres-cluster";

const { values } = parseArgs({ options: { activities: { type: "string" }, batch: { type: "string" } } });
const N = Number(values.activities ?? 1_000_000);
const BATCH = Number(values.batch ?? 1_000);

const cluster = await startCluster();
const admin = new pg.Client({ connectionString: cluster.url() });
await admin.connect();
await admin.query("CREATE DATABASE bench");
await admin.end();
process.env.DATABASE_URL = cluster.url("bench");
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "bench-sync-"));
process.env.LOG_LEVEL = "warn";

const simPort = await freePort();
const sim = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "senar-sim/main.ts", "--port", String(simPort), "--activities", String(N)], {
  stdio: ["ignore", "pipe", "inherit"],
});
const simUrl = `http://127.0.0.1:${simPort}`;
for (let i = 0; ; i++) {
  try {
    await fetch(simUrl);
    break;
  } catch {
    if (i > 600) throw new Error("simulator did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let peakRss = 0;
let peakHeap = 0;
let peakExternal = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapTotal);
  peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
}, 100);

try {
  const { applyMigrations } = await import("@/server/db/migrate");
  const { dbFactory, db, disconnectDb } = await import("@/server/db/client");
  await applyMigrations(dbFactory());
  const { encrypt } = await import("@/server/crypto");
  const { SenarClient } = await import("@/server/senar/client");
  const { runSyncToEnd } = await import("@/server/sync/run-sync");
  const { ACTIVITY_COLUMNS, toActivityRow } = await import("@/server/sync/activity-row");
  console.log(`baseline RSS after loading the app modules: ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
  const conn = { baseUrl: simUrl, username: "demo@senar.test", password: "demo-pass1" };

  // 1. The portal's sync.
  const ws = await db.workspace.create({
    data: { slug: "bench", name: "Bench", senarBaseUrl: simUrl, senarUsername: conn.username, senarPasswordEnc: encrypt(conn.password) },
  });
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await runSyncToEnd(ws.id, { trigger: "bench", batchSize: BATCH });
  const syncMs = performance.now() - t0;
  const syncPeak = peakRss;
  console.log(`sync peaks: heapTotal ${Math.round(peakHeap / 1048576)} MB, external+arrayBuffers ${Math.round(peakExternal / 1048576)} MB`);
  const rows = await db.activity.count({ where: { workspaceId: ws.id } });

  // 2. Reference: same stream, bare upsert of the same columns through raw pg.
  const refWs = await db.workspace.create({ data: { slug: "ref", name: "Ref" } });
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const names = ACTIVITY_COLUMNS.map((c) => `"${c.name}"`).join(", ");
  const unnest = ACTIVITY_COLUMNS.map((c, i) => `$${i + 2}::${c.type}[]`).join(", ");
  const sets = ACTIVITY_COLUMNS.filter((c) => c.name !== "id").map((c) => `"${c.name}" = EXCLUDED."${c.name}"`).join(", ");
  const sql = `INSERT INTO "Activity" ("workspaceId", ${names}, "sourceAt")
    SELECT $1, i.*, now() FROM unnest(${unnest}) AS i(${names})
    ON CONFLICT ("workspaceId", "id") DO UPDATE SET ${sets}, "sourceAt" = EXCLUDED."sourceAt"`;
  const client = new SenarClient(conn);
  peakRss = process.memoryUsage().rss;
  const t1 = performance.now();
  await client.streamActivities(
    async (records) => {
      const rowsOf = records.map(toActivityRow);
      await pool.query(sql, [refWs.id, ...ACTIVITY_COLUMNS.map((c) => rowsOf.map(c.get))]);
    },
    { batchSize: BATCH },
  );
  const refMs = performance.now() - t1;
  const refPeak = peakRss;
  const refRows = await db.activity.count({ where: { workspaceId: refWs.id } });
  await pool.end();

  const syncRate = N / (syncMs / 1000);
  const refRate = N / (refMs / 1000);
  const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
  console.log(`activities: ${N.toLocaleString("en")} (batch ${BATCH}); status ${r.status}; rows stored ${rows} / reference ${refRows}`);
  console.log(`portal sync:            ${(syncMs / 1000).toFixed(1)} s  ${Math.round(syncRate).toLocaleString("en")} rows/s  peak RSS ${mb(syncPeak)} (users, activities, dimensions, rollups, usage, progress)`);
  console.log(`reference (bare upsert): ${(refMs / 1000).toFixed(1)} s  ${Math.round(refRate).toLocaleString("en")} rows/s  peak RSS ${mb(refPeak)}`);
  console.log(`ratio sync / reference:  ${(syncRate / refRate).toFixed(2)}  (goal >= 0.5)   peak RSS goal < 300 MB: ${syncPeak < 300 * 1048576 ? "met" : "NOT met"}`);
  await disconnectDb();
} finally {
  clearInterval(sampler);
  sim.kill("SIGTERM");
  cluster.stop();
}
