// Full sync against the Senar simulator: counts, resumable runs (time budget, kill -9 of a
// child process), one run at a time, missing rows, and a Senar outage.
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT, startSimulator, type RunningSim } from "@/senar-sim/server";
import { encrypt } from "@/server/crypto";
import { db } from "@/server/db/client";
import { rebuildRollups } from "@/server/sync/rollups";
import { runSync, runSyncToEnd } from "@/server/sync/run-sync";

let sim: RunningSim;
const USERS = 30;
const ACTIVITIES = 4_000;

async function workspace(slug: string): Promise<string> {
  const wsId = randomUUID();
  const ws = await db.workspace.create({
    data: { id: wsId, slug: `${slug}-${Date.now()}`, name: slug, senarBaseUrl: sim.url, senarUsername: DEFAULT_ACCOUNT.username, senarPasswordEnc: encrypt(DEFAULT_ACCOUNT.password, { workspaceId: wsId, column: "senarPasswordEnc" }) },
  });
  return ws.id;
}

async function countsOf(ws: string) {
  const [a] = await db.$queryRaw<{ n: bigint; d: bigint }[]>`SELECT count(*) AS n, count(DISTINCT id) AS d FROM "Activity" WHERE "workspaceId" = ${ws}`;
  return { activities: Number(a?.n), distinct: Number(a?.d), users: await db.senarUser.count({ where: { workspaceId: ws } }) };
}

beforeAll(async () => {
  sim = await startSimulator({ users: USERS, trainees: 80, activities: ACTIVITIES });
});
afterAll(async () => {
  await sim.close();
});

describe(`full sync (${process.env.TEST_DB_KIND})`, () => {
  it("copies every user and activity, then finds them unchanged", async () => {
    const ws = await workspace("full");
    const first = await runSync(ws, { trigger: "test", batchSize: 700 });
    expect(first.status).toBe("SUCCEEDED");
    expect(first.counts.users).toEqual({ new: USERS, updated: 0, unchanged: 0, invalid: 0 });
    expect(first.counts.activities).toEqual({ new: ACTIVITIES, updated: 0, unchanged: 0, invalid: 0 });
    expect(await countsOf(ws)).toEqual({ activities: ACTIVITIES, distinct: ACTIVITIES, users: USERS });
    const rollSessions = await db.dailyRollup.aggregate({ where: { workspaceId: ws }, _sum: { sessions: true } });
    expect(rollSessions._sum.sessions).toBe(ACTIVITIES);
    const before = await db.dailyRollup.findMany({ where: { workspaceId: ws }, orderBy: [{ day: "asc" }, { simulatorId: "asc" }, { scenarioId: "asc" }] });
    await rebuildRollups(db, ws);
    const after = await db.dailyRollup.findMany({ where: { workspaceId: ws }, orderBy: [{ day: "asc" }, { simulatorId: "asc" }, { scenarioId: "asc" }] });
    expect(after.map((r) => ({ ...r, sumScorePct: r.sumScorePct.toFixed(9) }))).toEqual(before.map((r) => ({ ...r, sumScorePct: r.sumScorePct.toFixed(9) })));

    const second = await runSync(ws, { trigger: "test", batchSize: 700 });
    expect(second.status).toBe("SUCCEEDED");
    expect(second.counts.activities).toEqual({ new: 0, updated: 0, unchanged: ACTIVITIES, invalid: 0 });
    expect(second.counts.missing).toBe(0);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: second.runId } });
    expect(run.expected).toBe(USERS + ACTIVITIES);
  });

  it("stops on its time budget and resumes where it stopped, with nothing duplicated", async () => {
    const ws = await workspace("budget");
    let calls = 0;
    let last;
    do {
      last = await runSync(ws, { trigger: "test", batchSize: 250, maxDurationMs: 150 });
      calls++;
    } while (last.continues && calls < 500);
    expect(calls).toBeGreaterThan(1);
    expect(last.status).toBe("SUCCEEDED");
    const c = last.counts.activities;
    expect(c.new + c.updated + c.unchanged).toBe(ACTIVITIES);
    expect(await countsOf(ws)).toEqual({ activities: ACTIVITIES, distinct: ACTIVITIES, users: USERS });
    expect(await db.syncRun.count({ where: { workspaceId: ws } })).toBe(1);
  });

  it("runs one sync per workspace at a time", async () => {
    const ws = await workspace("once");
    const [a, b] = await Promise.all([runSync(ws, { trigger: "a", batchSize: 500 }), runSync(ws, { trigger: "b", batchSize: 500 })]);
    expect([a.busy, b.busy].sort()).toEqual([false, true]);
    expect(await db.syncRun.count({ where: { workspaceId: ws } })).toBe(1);
  });

  it("marks rows the source no longer has, without deleting them", async () => {
    const ws = await workspace("missing");
    await db.activity.create({ data: { workspaceId: ws, id: 999_999_999n, raw: {}, hash: "x", sourceAt: new Date(Date.now() - 60_000) } });
    const r = await runSync(ws, { trigger: "test" });
    expect(r.counts.missing).toBe(1);
    const row = await db.activity.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: 999_999_999n } } });
    expect(row.presentAtSource).toBe(false);
    expect(await db.activity.count({ where: { workspaceId: ws, presentAtSource: true } })).toBe(ACTIVITIES);
  });

  it("fails with a plain reason when Senar is unreachable, and keeps the cached data", async () => {
    const ws = await workspace("down");
    expect((await runSync(ws, { trigger: "test" })).status).toBe("SUCCEEDED");
    sim.setFaults({ down: true });
    try {
      const r = await runSync(ws, { trigger: "test" });
      expect(r.status).toBe("FAILED");
      expect(r.error).toBe("Senar could not be reached. Try again in a few minutes."); // no ECONNREFUSED shown
      const run = await db.syncRun.findUniqueOrThrow({ where: { id: r.runId } });
      expect(run.status).toBe("FAILED");
      expect(run.finishedAt).not.toBeNull();
    } finally {
      sim.setFaults({ down: false });
    }
    expect(await countsOf(ws)).toEqual({ activities: ACTIVITIES, distinct: ACTIVITIES, users: USERS });
  });

  it("fails with a plain reason when the workspace has no connection", async () => {
    const ws = (await db.workspace.create({ data: { slug: `none-${Date.now()}`, name: "none" } })).id;
    const r = await runSync(ws, { trigger: "test" });
    expect(r.status).toBe("FAILED");
    expect(r.error).toMatch(/no Senar connection/);
  });
});

describe.runIf(process.env.TEST_DB_KIND === "postgres")("a sync killed with kill -9", () => {
  it("is continued by the next run: final rows equal the simulator's, no duplicates", async () => {
    const ws = await workspace("kill");
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/sync-kill-child.ts", ws, "100"], {
      env: process.env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    // Kill it once it is well into the activities.
    for (let i = 0; i < 600; i++) {
      const run = await db.syncRun.findFirst({ where: { workspaceId: ws } });
      if (run?.phase === "activities" && run.cursor >= 1_000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await exited;
    const killed = await db.syncRun.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(killed.status, stderr).toBe("RUNNING");
    expect(killed.cursor).toBeGreaterThan(0);
    expect(killed.cursor).toBeLessThan(ACTIVITIES);
    const rowsAtKill = (await countsOf(ws)).activities;
    expect(rowsAtKill).toBe(killed.cursor); // progress was saved with the rows, nothing more, nothing less

    // A live run is not taken over; a stale one is.
    expect((await runSync(ws, { trigger: "test", staleAfterMs: 60_000 })).busy).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const r = await runSyncToEnd(ws, { trigger: "test", staleAfterMs: 200 });
    expect(r.runId).toBe(killed.id);
    expect(r.status).toBe("SUCCEEDED");
    expect(await countsOf(ws)).toEqual({ activities: ACTIVITIES, distinct: ACTIVITIES, users: USERS });
    const c = r.counts.activities;
    expect(c.new).toBe(ACTIVITIES);
  });
});
