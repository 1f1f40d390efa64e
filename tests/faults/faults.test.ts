// The fault suite: a production server (`next start`) over a real PostgreSQL and the real Senar
// simulator, then broken on purpose: PostgreSQL restarted under webhook load, the app killed
// with SIGKILL mid-sync, Senar down / slow / failing / refusing logins. Every wait is bounded
// (a deadline that fails the test), never a timing assertion.
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIM_ACCOUNTS, startPortal, type Portal } from "../support/portal-fixture";

let portal: Portal;
const counts = { deliveries: 0, acknowledged: 0, refused5xx: 0, faults: 0, kills: 0 };

beforeAll(async () => {
  // acme has a cache (for "cached reports keep being served"); globex starts empty (for the kill test).
  portal = await startPortal({ activities: 20_000, cache: ["acme"] });
}, 600_000);

afterAll(async () => {
  console.log(
    `\nfaults: ${counts.deliveries} webhook deliveries (${counts.acknowledged} acknowledged, all stored; ${counts.refused5xx} refused 5xx), ` +
      `${counts.kills} kill -9, ${counts.faults} Senar faults, 0 failed`,
  );
  await portal?.stop();
}, 120_000);

const owner = () => ({ cookie: portal.users.owner.cookie, origin: portal.app.url });

function restartInBackground(): Promise<void> {
  const pgCtl = path.join(process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin", "pg_ctl");
  const args = ["-D", path.join(portal.cluster.dir, "data"), "-m", "fast", "-w", "restart"];
  const [cmd, ...rest] = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", pgCtl, ...args] : [pgCtl, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, rest, { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited with ${code}`))));
  });
}

async function until<T>(what: string, deadlineMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what} after ${deadlineMs} ms`);
    await sleep(250);
  }
}

type Run = { status: string; error: string | null; phase: string; cursor: number; counts: unknown };
async function latestRun(workspaceId: string): Promise<Run | undefined> {
  const { rows } = await portal.sql.query<Run>(
    `SELECT status, error, phase, cursor, counts FROM "SyncRun" WHERE "workspaceId" = $1 ORDER BY "startedAt" DESC LIMIT 1`,
    [workspaceId],
  );
  return rows[0];
}

async function startSync(slug: string): Promise<void> {
  // globex belongs to the "outsider" persona (its owner), acme to "owner".
  const cookie = slug === portal.globex.slug ? portal.users.outsider.cookie : portal.users.owner.cookie;
  const res = await fetch(`${portal.app.url}/api/w/${slug}/sync`, { method: "POST", headers: { cookie, origin: portal.app.url } });
  expect(res.status, await res.text()).toBe(202);
}

describe("PostgreSQL restarted during webhook load", () => {
  it("acknowledges a delivery only once it is stored; the rest are refused 5xx (Senar retries)", async () => {
    const reg = await fetch(`${portal.app.url}/api/w/${portal.acme.slug}/senar/webhooks`, { method: "POST", headers: owner() });
    expect(reg.status, await reg.text()).toBe(201);
    const hookIds = new Set(portal.sim.hooks(SIM_ACCOUNTS[0]!.username).filter((h) => h.method === "activity").map((h) => h.id));
    expect(hookIds.size).toBe(1);
    const outcomes: { id: string; status: number | "error"; down?: true }[] = [];
    const deliver = async (down?: true) => {
      const before = portal.sim.deliveries().length;
      const rec = await portal.sim.emitActivity(SIM_ACCOUNTS[0]!.username);
      const mine = portal.sim.deliveries().slice(before).filter((d) => hookIds.has(d.hookId));
      expect(mine).toHaveLength(1);
      outcomes.push({ id: String(rec.id), status: mine[0]!.status, ...(down ? { down } : {}) });
    };
    let restart: Promise<void> | undefined;
    for (let i = 0; i < 30; i++) {
      // A real `pg_ctl restart` (fast: sessions are terminated mid-flight, committed work is
      // flushed), run in the background so deliveries keep arriving while it happens. (An
      // immediate stop would lose commits by itself: the test cluster runs synchronous_commit=off.)
      if (i === 10) restart = restartInBackground();
      await deliver();
    }
    await restart;
    // Then a longer outage: deliveries while the database is down must all be refused with a
    // 5xx (so Senar retries), and the intake must work again once it is back.
    portal.cluster.pause();
    try {
      for (let i = 0; i < 5; i++) await deliver(true);
    } finally {
      portal.cluster.start();
    }
    await until("the database back", 30_000, async () => (await fetch(`${portal.app.url}/api/health`)).ok);
    for (let i = 0; i < 10; i++) await deliver();
    const { rows } = await portal.sql.query<{ id: string }>(`SELECT id FROM "Activity" WHERE "workspaceId" = $1 AND id = ANY($2)`, [
      portal.acme.id,
      outcomes.map((o) => o.id),
    ]);
    const stored = new Set(rows.map((r) => r.id));
    const acked = outcomes.filter((o) => typeof o.status === "number" && o.status >= 200 && o.status < 300);
    const lost = acked.filter((o) => !stored.has(o.id));
    const other = outcomes.filter((o) => !acked.includes(o) && !(typeof o.status === "number" && o.status >= 500));
    counts.deliveries += outcomes.length;
    counts.acknowledged += acked.length;
    counts.refused5xx += outcomes.length - acked.length;
    expect(lost, "acknowledged but not stored").toEqual([]);
    expect(other, "neither acknowledged nor refused with a 5xx").toEqual([]);
    expect(outcomes.filter((o) => o.down).map((o) => o.status)).toEqual(Array(5).fill(503));
    expect(acked.length).toBeGreaterThanOrEqual(10);
  }, 300_000);
});

describe("kill -9 of the app during a sync", () => {
  it("resumes after a restart and ends with the simulator's exact counts, no duplicates", async () => {
    const ws = portal.globex;
    await startSync(ws.slug);
    // Kill once the run has written part of the activities phase.
    await until("the sync to be part-way through activities", 120_000, async () => {
      const r = await latestRun(ws.id);
      return r?.status === "RUNNING" && r.phase === "activities" && r.cursor > 0;
    });
    await portal.app.kill("SIGKILL");
    counts.kills++;
    const mid = await latestRun(ws.id);
    expect(mid?.status).toBe("RUNNING");
    await portal.app.start();
    await startSync(ws.slug);
    // The dead run's lease goes stale after STALE_MS (60 s); then the new process takes it over.
    const end = await until("the resumed sync to finish", 240_000, async () => {
      const r = await latestRun(ws.id);
      return r && r.status !== "RUNNING" ? r : null;
    });
    expect(end.error).toBeNull();
    expect(end.status).toBe("SUCCEEDED");
    const expected = portal.sim.dataset(SIM_ACCOUNTS[1]!.username);
    let expectedActivities = 0;
    for (const _ of expected.activities()) expectedActivities++;
    const { rows } = await portal.sql.query<{ n: string; d: string }>(
      `SELECT count(*)::text AS n, count(DISTINCT id)::text AS d FROM "Activity" WHERE "workspaceId" = $1`,
      [ws.id],
    );
    expect(Number(rows[0]!.n)).toBe(expectedActivities);
    expect(rows[0]!.d).toBe(rows[0]!.n);
    const { rows: runs } = await portal.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "SyncRun" WHERE "workspaceId" = $1 AND status = 'RUNNING'`, [ws.id]);
    expect(runs[0]!.n).toBe("0");
  }, 600_000);
});

describe("Senar down, slow, failing, refusing logins", () => {
  // Figures rounded to 9 significant digits: PostgreSQL may sum floats in another order between
  // two runs of the same query (last-digit jitter), which is not a change of the cached data.
  const round = (v: unknown): unknown =>
    typeof v === "number" ? Number(v.toPrecision(9)) : Array.isArray(v) ? v.map(round) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v;
  const summary = () =>
    fetch(`${portal.app.url}/api/v1/reports/summary`, { headers: { authorization: `Bearer ${portal.keys.acme}` } }).then(async (r) => ({
      status: r.status,
      body: round(JSON.parse(await r.text())),
    }));
  let cached: { status: number; body: unknown };

  beforeAll(async () => {
    cached = await summary();
    expect(cached.status).toBe(200);
  });

  const faults: [string, () => Promise<void> | void, RegExp, () => Promise<void> | void][] = [
    ["Senar down", () => portal.sim.setFaults({ down: true }), /unreachable|unavailable|connect|could not be reached/i, () => portal.sim.setFaults({ down: false })],
    ["Senar slower than the client timeout", () => portal.sim.setFaults({ latencyMs: 8_000 }), /in time|timeout|timed out/i, () => portal.sim.setFaults({ latencyMs: 0 })],
    ["Senar answering 500", () => portal.sim.setFaults({ errorRate: 1 }), /500|unavailable|error/i, () => portal.sim.setFaults({ errorRate: 0 })],
    [
      "a wrong stored password (401 on every login)",
      async () => {
        const { encrypt } = await import("@/server/crypto");
        await portal.sql.query(`UPDATE "Workspace" SET "senarPasswordEnc" = $1, "senarTokenEnc" = NULL WHERE id = $2`, [encrypt("wrong-password1", { workspaceId: portal.acme.id, column: "senarPasswordEnc" }), portal.acme.id]);
      },
      /login|authenticat|refused|password|401/i,
      async () => {
        const { encrypt } = await import("@/server/crypto");
        await portal.sql.query(`UPDATE "Workspace" SET "senarPasswordEnc" = $1 WHERE id = $2`, [encrypt(SIM_ACCOUNTS[0]!.password, { workspaceId: portal.acme.id, column: "senarPasswordEnc" }), portal.acme.id]);
      },
    ],
  ];

  for (const [name, inject, reason, heal] of faults) {
    it(`${name}: the sync ends FAILED with the reason, cached reports are still served`, async () => {
      await inject();
      counts.faults++;
      try {
        await startSync(portal.acme.slug);
        const end = await until(`the sync to end under "${name}"`, 180_000, async () => {
          const r = await latestRun(portal.acme.id);
          return r && r.status !== "RUNNING" ? r : null;
        });
        expect(end.status).toBe("FAILED");
        expect(end.error ?? "").toMatch(reason);
        expect(await summary()).toEqual(cached);
        const page = await fetch(`${portal.app.url}/w/${portal.acme.slug}`, { headers: { cookie: portal.users.owner.cookie } });
        expect(page.status).toBe(200);
        // The staleness banner (components/staleness-banner.tsx) names the failure.
        expect(await page.text()).toMatch(/The last sync failed/);
      } finally {
        await heal();
      }
    }, 240_000);
  }

  it("a 401 storm (every token expired, again and again) still ends the sync, with no hang", async () => {
    const storm = setInterval(() => portal.sim.expireTokens(), 50);
    counts.faults++;
    try {
      await startSync(portal.acme.slug);
      const end = await until("the sync to end under a 401 storm", 180_000, async () => {
        const r = await latestRun(portal.acme.id);
        return r && r.status !== "RUNNING" ? r : null;
      });
      // Each request re-logs in once: it may get through between expiries, or fail with the reason.
      expect(["SUCCEEDED", "FAILED", "PARTIAL"]).toContain(end.status);
      if (end.status === "FAILED") {
        expect(end.error ?? "").toMatch(/login|authenticat|refused|401|token/i);
        expect(await summary()).toEqual(cached);
      }
    } finally {
      clearInterval(storm);
    }
  }, 240_000);
});
