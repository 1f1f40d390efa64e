// Scheduling: the cron route's bearer check, which workspaces are due, and queued runs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/cron/sync/route";
import { DEFAULT_ACCOUNT, startSimulator, type RunningSim } from "@/senar-sim/server";
import { encrypt } from "@/server/crypto";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { queueSync } from "@/server/sync/queue";
import { dueWorkspaces } from "@/server/sync/scheduler";

let sim: RunningSim;
let ws = "";
const cron = (auth?: string) => GET(new Request("http://localhost/api/cron/sync", { headers: auth ? { authorization: auth } : {} }));

beforeAll(async () => {
  sim = await startSimulator({ users: 5, activities: 50 });
  const wsId = randomUUID();
  ws = (
    await db.workspace.create({
      data: { id: wsId, slug: `sch-${Date.now()}`, name: "S", senarBaseUrl: sim.url, senarUsername: DEFAULT_ACCOUNT.username, senarPasswordEnc: encrypt(DEFAULT_ACCOUNT.password, { workspaceId: wsId, column: "senarPasswordEnc" }) },
    })
  ).id;
  await db.workspace.create({ data: { slug: `off-${Date.now()}`, name: "unconnected" } });
});
afterAll(async () => {
  await sim.close();
});

describe(`scheduling (${process.env.TEST_DB_KIND})`, () => {
  it("refuses the cron route without the right bearer token", async () => {
    expect((await cron()).status).toBe(401);
    expect((await cron(`Bearer ${env().CRON_SECRET}x`)).status).toBe(401);
    expect((await cron(env().CRON_SECRET)).status).toBe(401);
    expect(await db.syncRun.count()).toBe(0);
  });

  it("runs due syncs, then nothing is due until the interval passes", async () => {
    expect(await dueWorkspaces()).toEqual([ws]);
    const res = await cron(`Bearer ${env().CRON_SECRET}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ran: { workspaceId: string; status: string }[] };
    expect(body.ran).toEqual([expect.objectContaining({ workspaceId: ws, status: "SUCCEEDED" })]);
    expect(await db.activity.count({ where: { workspaceId: ws } })).toBe(50);
    expect(await dueWorkspaces()).toEqual([]);
    expect(await dueWorkspaces(new Date(Date.now() + 61 * 60_000))).toEqual([ws]);
    await db.workspace.update({ where: { id: ws }, data: { syncIntervalMinutes: null } });
    expect(await dueWorkspaces(new Date(Date.now() + 61 * 60_000))).toEqual([]);
  });

  it("picks up a queued run at once, even with scheduling off", async () => {
    await queueSync(ws, "webhook");
    await queueSync(ws, "webhook");
    expect(await db.syncRun.count({ where: { workspaceId: ws, status: "RUNNING" } })).toBe(1);
    expect(await dueWorkspaces()).toEqual([ws]);
    await cron(`Bearer ${env().CRON_SECRET}`);
    expect(await db.syncRun.count({ where: { workspaceId: ws, status: "RUNNING" } })).toBe(0);
  });
});
