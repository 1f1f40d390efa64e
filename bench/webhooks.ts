// npm run bench:webhooks [-- --seconds 10]
// Webhook intake under load, on loopback, load generated in a SECOND process (this same file
// started with --load): a paced open loop at 500 req/s, then autocannon at its maximum.
// Two servers in this process, same PostgreSQL:
//  - portal: a minimal Node http server calling the portal's intakeWebhook() (token lookup,
//    limits, validation, upsert with dimensions/rollups/usage, delivery log);
//  - bare:   a bare Node http server doing the same insert (one INSERT … ON CONFLICT, raw pg).
// Bodies carry distinct ids with 1 in 5 a duplicate of an earlier id. Afterwards every id the
// load generator saw acknowledged (2xx) must be in the table.
import { spawn } from "node:child_process";
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({ options: { load: { type: "string" }, seconds: { type: "string" } } });

const activity = (id: number) => ({
  id, collectionId: 41, userId: "b68bfbd8-8f26-427b-a3c9-2d4cec36648b", traineeId: `t-${id % 500}`, firstName: "Natalia", lastName: "Brown",
  company: "Daria", trainingDate: new Date().toISOString().replace("Z", "0000"), scenarioId: `S0${id % 7}`, scenarioName: "Scenario",
  totalPoints: 2900, totalSec: 622, totalTries: 1, simulatorId: 18 + (id % 3), tilts: 0, totalMaxPoints: 3400, abandons: 1,
  collectionTitle: "Rigging", simulatorTitle: "Lifting", userFirstName: "Jon", userLastName: "Doe", userEmail: "jon.doe@my.mail",
  userCostCenter: "East", userAccountName: "ACME", traineeEmail: "", traineeProfile: "Guest",
});

type LoadPlan = { url: string; seconds: number; rate: number | null; connections: number; firstId: number };
type LoadResult = { requests: number; rps: number; p50: number; p99: number; non2xx: number; errors: number; acked: number[] };

// ---- the load generator (second process) ----
// A fixed rate is an open loop of our own: one request every 1000/rate ms, each latency taken
// from when it was due, so a stall is counted in full (no coordinated omission). autocannon's
// overallRate sends each second's quota in a burst at the start of the second and then adds
// synthetic samples at a 1 ms interval, which measured its own bursts rather than the server.
// The maximum rate is autocannon's closed loop (20 connections, as fast as answered).
if (values.load) {
  const plan = JSON.parse(values.load) as LoadPlan;
  let next = plan.firstId;
  const nextBody = () => {
    const id = next % 5 === 0 && next > plan.firstId ? next - 3 : next; // 1 in 5: a duplicate
    next++;
    return { id, body: JSON.stringify(activity(id)) };
  };
  const run = (seconds: number) => (plan.rate ? openLoop({ ...plan, seconds }, plan.rate, nextBody) : closedLoop({ ...plan, seconds }, nextBody));
  // A 2-second warm-up (JIT, connections, caches) first; its deliveries are checked too.
  const warm = await run(2);
  const measured = await run(plan.seconds);
  const out = { ...measured, acked: [...new Set([...warm.acked, ...measured.acked])] };
  // Exit only once the (large) line is flushed: stdout to a pipe is asynchronous.
  process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
}

async function closedLoop(plan: LoadPlan, nextBody: () => { id: number; body: string }): Promise<LoadResult> {
  const { default: autocannon } = await import("autocannon");
  type Options = Parameters<typeof autocannon>[0];
  const acked = new Set<number>();
  const result = await autocannon({
    url: plan.url,
    method: "POST",
    duration: plan.seconds,
    connections: plan.connections,
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const { id, body } = nextBody();
          context.id = id;
          return { ...req, body };
        },
        onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
          if (status >= 200 && status < 300) acked.add(context.id as number);
        },
      },
    ],
  } as unknown as Options);
  return {
    requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    non2xx: result.non2xx, errors: result.errors, acked: [...acked],
  };
}

async function openLoop(plan: LoadPlan, rate: number, nextBody: () => { id: number; body: string }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(plan.url);
  const total = Math.round(rate * plan.seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const acked: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const send = (due: number) => {
    const { id, body } = nextBody();
    return new Promise<void>((resolve) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) acked.push(id);
            else non2xx++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  };
  const t0 = performance.now();
  for (let i = 0; i < total; ) {
    const now = performance.now();
    // Send everything that is due (a late timer sends the backlog at once, timed from when due).
    while (i < total && t0 + i * interval <= now) inFlight.push(send(t0 + i++ * interval));
    await sleep(Math.max(0, t0 + i * interval - performance.now()));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { requests: latencies.length + errors, rps: total / seconds, p50: at(0.5), p99: at(0.99), non2xx, errors, acked };
}

// ---- the orchestrator ----
// The per-URL budget (WEBHOOK_RATE_LIMIT) is lifted, before the app reads its env, so the
// intake itself is measured; its reservation queries still run.
process.env.WEBHOOK_RATE_LIMIT ??= "100000000";
const SECONDS = Number(values.seconds ?? 10);
const { freePort } = await import("@/tests/support/postgres-cluster");
const { startBenchDatabase } = await import("./lib/bench-db");
const cluster = await startBenchDatabase("hooks", "error");

const { applyMigrations } = await import("@/server/db/migrate");
const { db, dbFactory, disconnectDb } = await import("@/server/db/client");
await applyMigrations(dbFactory());
const { intakeWebhook } = await import("@/server/sync/webhook-intake");
const { createSubscription } = await import("@/server/sync/webhooks-out");
const ws = await db.workspace.create({ data: { slug: "bench", name: "Bench" } });
const { token } = await createSubscription(ws.id, "activity");
const bareWs = await db.workspace.create({ data: { slug: "bare", name: "Bare" } });

function toRequest(req: IncomingMessage, port: number): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(`http://127.0.0.1:${port}${req.url ?? "/"}`, {
    method: req.method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half",
  } as RequestInit);
}

async function listen(server: Server): Promise<number> {
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return port;
}

// Portal: the same function the route handler calls.
let portalPort = 0;
const portal = createServer((req, res) => {
  const t = (req.url ?? "").split("/").pop() ?? "";
  void intakeWebhook(t, toRequest(req, portalPort)).then(async (r) => {
    res.writeHead(r.status, { "content-type": "application/json" });
    res.end(await r.text());
  });
});
portalPort = await listen(portal);

// Bare: read, parse, one upsert.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const bare = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const a = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReturnType<typeof activity>;
    pool
      .query(
        `INSERT INTO "Activity" ("workspaceId", id, "traineeId", "trainingDate", "scenarioId", "simulatorId", "totalPoints", "totalMaxPoints", raw, hash, "sourceAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
         ON CONFLICT ("workspaceId", id) DO UPDATE SET raw = EXCLUDED.raw, "sourceAt" = EXCLUDED."sourceAt"`,
        [bareWs.id, a.id, a.traineeId, a.trainingDate.slice(0, 23), a.scenarioId, a.simulatorId, a.totalPoints, a.totalMaxPoints, JSON.stringify(a), "h"],
      )
      .then(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"taken":1}');
      })
      .catch(() => {
        res.writeHead(503);
        res.end();
      });
  });
});
const barePort = await listen(bare);

function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/webhooks.ts", "--load", JSON.stringify(plan)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as LoadResult) : reject(new Error(`load exited ${code}`))));
  });
}

async function missing(workspaceId: string, acked: number[]): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM unnest(${acked.map(String)}::bigint[]) AS a(id)
    WHERE NOT EXISTS (SELECT 1 FROM "Activity" x WHERE x."workspaceId" = ${workspaceId} AND x.id = a.id)`;
  return Number(rows[0]?.n ?? 0);
}

const line = (name: string, r: LoadResult, miss: number) =>
  `${name.padEnd(26)} ${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ` +
  `requests ${r.requests}  non-2xx ${r.non2xx}  errors ${r.errors}  acknowledged ids ${r.acked.length}, missing ${miss}`;

try {
  const portalUrl = `http://127.0.0.1:${portalPort}/api/webhooks/senar/${token}`;
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  const fixed = await load({ url: portalUrl, seconds: SECONDS, rate: 500, connections: 20, firstId: 1_000_000 });
  const fixedMiss = await missing(ws.id, fixed.acked);
  const max = await load({ url: portalUrl, seconds: SECONDS, rate: null, connections: 20, firstId: 2_000_000 });
  const maxMiss = await missing(ws.id, max.acked);
  const bareMax = await load({ url: bareUrl, seconds: SECONDS, rate: null, connections: 20, firstId: 2_000_000 });
  const bareMiss = await missing(bareWs.id, bareMax.acked);
  console.log(line("portal intake @ 500 req/s", fixed, fixedMiss));
  console.log(line("portal intake, max", max, maxMiss));
  console.log(line("bare server, max", bareMax, bareMiss));
  console.log(`ratio portal / bare (max req/s): ${(max.rps / bareMax.rps).toFixed(2)}`);
  console.log(`goals: p99 < 50 ms at 500 req/s: ${fixed.p99 < 50 ? "met" : "NOT met"} (${fixed.p99} ms); acknowledged missing: ${fixedMiss + maxMiss}`);
  const rollups = await db.dailyRollup.aggregate({ where: { workspaceId: ws.id }, _sum: { sessions: true } });
  console.log(`rows ${await db.activity.count({ where: { workspaceId: ws.id } })}, rollup sessions ${rollups._sum.sessions ?? 0} (must be equal)`);
} finally {
  portal.close();
  bare.close();
  await pool.end();
  await disconnectDb();
  cluster.stop();
}
