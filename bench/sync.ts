// npm run bench:sync [-- --activities 1000000]
// Full sync of N simulator activities into a throw-away PostgreSQL, against a reference in the
// same run: the same rows, streamed and parsed by the same client, then per batch COPY into a
// temporary table and one upsert from it (INSERT … SELECT … ON CONFLICT DO UPDATE), raw pg, no
// hash/dimensions/rollups/progress: the plain fastest way to load the same rows.
// The simulator runs in a child process so this process's peak RSS is the sync's own.
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { freePort } from "@/tests/support/postgres-cluster";
import { startBenchDatabase } from "./lib/bench-db";

const { values } = parseArgs({ options: { activities: { type: "string" }, batch: { type: "string" } } });
const N = Number(values.activities ?? 1_000_000);
const BATCH = Number(values.batch ?? 1_000);

// The simulator listens on 127.0.0.1, which the outgoing guard refuses unless listed.
Object.assign(process.env, { SENAR_ALLOWED_HOSTS: "127.0.0.1", OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" });
const cluster = await startBenchDatabase("sync", "warn");

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
  const { SenarClient } = await import("@/server/senar/senar-client");
  const { runSyncToEnd } = await import("@/server/sync/run-sync");
  const { ACTIVITY_COLUMNS, toActivityRow } = await import("@/server/sync/activity-row");
  console.log(`baseline RSS after loading the app modules: ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
  const conn = { baseUrl: simUrl, username: "demo@senar.test", password: "demo-pass1" };

  // 1. The portal's sync.
  const wsId = randomUUID();
  const ws = await db.workspace.create({
    data: { id: wsId, slug: "bench", name: "Bench", senarBaseUrl: simUrl, senarUsername: conn.username, senarPasswordEnc: encrypt(conn.password, { workspaceId: wsId, column: "senarPasswordEnc" }) },
  });
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await runSyncToEnd(ws.id, { trigger: "bench", batchSize: BATCH });
  const syncMs = performance.now() - t0;
  const syncPeak = peakRss;
  console.log(`sync peaks: heapTotal ${Math.round(peakHeap / 1048576)} MB, external+arrayBuffers ${Math.round(peakExternal / 1048576)} MB`);
  const rows = await db.activity.count({ where: { workspaceId: ws.id } });

  // 2. Reference: same stream; per batch, COPY into a temporary table, then one upsert from it.
  const refWs = await db.workspace.create({ data: { slug: "ref", name: "Ref" } });
  const pgc = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await pgc.connect();
  const names = ACTIVITY_COLUMNS.map((c) => `"${c.name}"`).join(", ");
  await pgc.query(`CREATE TEMP TABLE ref_in (${ACTIVITY_COLUMNS.map((c) => `"${c.name}" ${c.type}`).join(", ")})`);
  const sets = ACTIVITY_COLUMNS.filter((c) => c.name !== "id").map((c) => `"${c.name}" = EXCLUDED."${c.name}"`).join(", ");
  const upsert = `INSERT INTO "Activity" ("workspaceId", ${names}, "sourceAt")
    SELECT $1, ${names}, now() FROM ref_in
    ON CONFLICT ("workspaceId", "id") DO UPDATE SET ${sets}, "sourceAt" = EXCLUDED."sourceAt"`;
  const client = new SenarClient(conn);
  peakRss = process.memoryUsage().rss;
  const t1 = performance.now();
  await client.streamActivities(
    async (records) => {
      const lines = records.map((r) => {
        const row = toActivityRow(r);
        return `${ACTIVITY_COLUMNS.map((c) => copyText(c.get(row))).join("\t")}\n`;
      });
      await pgc.query("TRUNCATE ref_in");
      await pipeline(Readable.from([lines.join("")]), pgc.query(copyFrom(`COPY ref_in (${names}) FROM STDIN`)));
      await pgc.query(upsert, [refWs.id]);
    },
    { batchSize: BATCH },
  );
  const refMs = performance.now() - t1;
  const refPeak = peakRss;
  const refRows = await db.activity.count({ where: { workspaceId: refWs.id } });
  await pgc.end();

  const syncRate = N / (syncMs / 1000);
  const refRate = N / (refMs / 1000);
  const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
  console.log(`activities: ${N.toLocaleString("en")} (batch ${BATCH}); status ${r.status}; rows stored ${rows} / reference ${refRows}`);
  console.log(`portal sync:            ${(syncMs / 1000).toFixed(1)} s  ${Math.round(syncRate).toLocaleString("en")} rows/s  peak RSS ${mb(syncPeak)} (users, activities, dimensions, rollups, usage, progress)`);
  console.log(`reference (COPY+upsert):  ${(refMs / 1000).toFixed(1)} s  ${Math.round(refRate).toLocaleString("en")} rows/s  peak RSS ${mb(refPeak)}`);
  console.log(`ratio sync / reference:  ${(syncRate / refRate).toFixed(2)}  (goal >= 0.5)   peak RSS goal < 300 MB: ${syncPeak < 300 * 1048576 ? "met" : "NOT met"}`);
  await disconnectDb();
} finally {
  clearInterval(sampler);
  sim.kill("SIGTERM");
  cluster.stop();
}

/** A value in COPY's text format: \N for null; backslash, tab, newline and CR escaped. */
function copyText(v: string | number | null): string {
  if (v === null) return "\\N";
  return String(v).replace(/[\\\t\n\r]/g, (ch) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[ch] ?? ch);
}
