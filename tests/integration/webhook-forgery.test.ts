// Forged deliveries through a leaked hook URL (issue 12, finding 10), against the Senar
// simulator: the next full sync restores Senar's version and takes records Senar never had out
// of the cache's figures; "something changed" bodies queue at most one sync per gap; each URL
// has a per-minute budget beyond which nothing is written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_RATE_LIMIT = "25";
});

import { POST } from "@/app/api/webhooks/senar/[token]/route";
import { DEFAULT_ACCOUNT, startSimulator, type RunningSim } from "@/senar-sim/server";
import type { SimActivity } from "@/senar-sim/dataset";
import { encrypt } from "@/server/crypto";
import { db } from "@/server/db/client";
import type { SenarClient } from "@/server/senar/senar-client";
import { senarFor } from "@/server/senar/for-workspace";
import { rebuildRollups } from "@/server/sync/rollups";
import { runSync, runSyncToEnd } from "@/server/sync/run-sync";
import { createSubscription } from "@/server/sync/webhooks-out";

let sim: RunningSim;
let real: SimActivity;

function post(token: string, body: unknown) {
  const req = new Request(`http://localhost/api/webhooks/senar/${token}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return POST(req, { params: Promise.resolve({ token }) });
}

async function workspace(slug: string): Promise<string> {
  const id = randomUUID();
  const ws = await db.workspace.create({
    data: { id, slug: `${slug}-${Date.now()}`, name: slug, senarBaseUrl: sim.url, senarUsername: DEFAULT_ACCOUNT.username, senarPasswordEnc: encrypt(DEFAULT_ACCOUNT.password, { workspaceId: id, column: "senarPasswordEnc" }) },
  });
  return ws.id;
}

async function rollupState(ws: string) {
  const r = await db.$queryRaw<{ day: string; sim: number; scen: string; sessions: number; passed: number; s: number }[]>`
    SELECT day::text AS day, "simulatorId" AS sim, "scenarioId" AS scen, sessions, passed, round("sumScorePct"::numeric, 9)::float8 AS s
    FROM "DailyRollup" WHERE "workspaceId" = ${ws} ORDER BY 1, 2, 3`;
  const t = await db.$queryRaw<{ day: string; traineeId: string }[]>`
    SELECT day::text AS day, "traineeId" FROM "DailyTrainee" WHERE "workspaceId" = ${ws} ORDER BY 1, 2`;
  const m = await db.$queryRaw<{ month: string; traineeId: string; days: number }[]>`
    SELECT month::text AS month, "traineeId", days FROM "TraineeMonth" WHERE "workspaceId" = ${ws} ORDER BY 1, 2`;
  return { r, t, m };
}
async function expectRollupsEqualRecomputation(ws: string) {
  const incremental = await rollupState(ws);
  await rebuildRollups(db, ws);
  expect(incremental).toEqual(await rollupState(ws));
  return incremental;
}

const row = (ws: string, id: number) => db.activity.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: BigInt(id) } } });

/** Windows are per minute: start a count-sensitive test well inside one. */
async function freshWindow(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
}

beforeAll(async () => {
  sim = await startSimulator({ users: 5, trainees: 10, activities: 200 });
  real = sim.dataset().activities().next().value as SimActivity;
});
afterAll(async () => {
  await sim.close();
});

describe(`forged webhook deliveries (${process.env.TEST_DB_KIND})`, () => {
  it("are provisional, and the next full sync restores Senar's score, even when forged during that sync", async () => {
    const ws = await workspace("forge-score");
    const { token } = await createSubscription(ws, "activity");
    const userToken = (await createSubscription(ws, "user")).token;
    const realUser = sim.dataset().users().next().value as { id: string; lastName: string };
    const user = () => db.senarUser.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: realUser.id } } });
    expect((await runSync(ws, { trigger: "test" })).status).toBe("SUCCEEDED");
    expect((await row(ws, real.id)).provisional).toBe(false);

    expect((await post(token, { ...real, totalPoints: 1 })).status).toBe(200);
    const forged = await row(ws, real.id);
    expect(forged.totalPoints).toBe(1);
    expect(forged.provisional).toBe(true);

    // A second forgery lands after the sync started observing (so it is "newer" by arrival).
    const senar = async (id: string): Promise<SenarClient> => {
      const c = await senarFor(id);
      const wrapped = {
        streamUsers: async (...args: Parameters<SenarClient["streamUsers"]>) => {
          await new Promise((r) => setTimeout(r, 5));
          expect((await post(userToken, { ...realUser, lastName: "Forged" })).status).toBe(200);
          expect(await user()).toMatchObject({ lastName: "Forged", provisional: true });
          return c.streamUsers(...args);
        },
        streamActivities: async (...args: Parameters<SenarClient["streamActivities"]>) => {
          await new Promise((r) => setTimeout(r, 5));
          expect((await post(token, { ...real, totalPoints: 2 })).status).toBe(200);
          return c.streamActivities(...args);
        },
      };
      return wrapped as unknown as SenarClient;
    };
    const run = await runSync(ws, { trigger: "test", senar });
    expect(run.status).toBe("SUCCEEDED");
    const restored = await row(ws, real.id);
    expect(restored.totalPoints).toBe(real.totalPoints);
    expect(restored.provisional).toBe(false);
    expect(restored.presentAtSource).toBe(true);
    expect(await user()).toMatchObject({ lastName: realUser.lastName, provisional: false, presentAtSource: true });
    await expectRollupsEqualRecomputation(ws);
  });

  it("with an id Senar never had are marked not at the source after a full sync, and leave the rollups", async () => {
    const ws = await workspace("forge-id");
    const { token } = await createSubscription(ws, "activity");
    expect((await runSync(ws, { trigger: "test" })).status).toBe("SUCCEEDED");
    const before = await rollupState(ws);
    const fake = { ...real, id: 900_000_001, traineeId: "forged-trainee", trainingDate: "2001-02-03T10:00:00", totalPoints: real.totalMaxPoints };
    expect((await post(token, fake)).status).toBe(200);
    const during = await rollupState(ws);
    expect(during.r.some((x) => x.day === "2001-02-03" && x.sessions === 1)).toBe(true);
    expect(during.t).toContainEqual({ day: "2001-02-03", traineeId: "forged-trainee" });
    await new Promise((r) => setTimeout(r, 5)); // the next run starts strictly after the delivery

    const run = await runSync(ws, { trigger: "test" });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts.missing).toBe(1);
    const gone = await row(ws, fake.id);
    expect(gone.presentAtSource).toBe(false);
    expect(gone.provisional).toBe(true);
    const after = await expectRollupsEqualRecomputation(ws);
    expect(after).toEqual(before);
    expect(after.t.some((x) => x.traineeId === "forged-trainee")).toBe(false);
    expect(after.m.some((x) => x.traineeId === "forged-trainee")).toBe(false);
  });

  it("without records (`{}`): 20 of them queue one sync", async () => {
    const ws = await workspace("forge-signal");
    const { token } = await createSubscription(ws, "activity");
    await freshWindow();
    const queued: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await post(token, {});
      expect(res.status).toBe(202);
      queued.push(((await res.json()) as { queued: boolean }).queued);
      // The queued run is picked up and finishes before the next signal, as a scheduler would.
      if (await db.syncRun.count({ where: { workspaceId: ws, status: "RUNNING" } })) {
        expect((await runSyncToEnd(ws, { trigger: "schedule" })).status).toBe("SUCCEEDED");
      }
    }
    expect(queued.filter(Boolean)).toHaveLength(1);
    expect(await db.syncRun.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws, status: 202 } })).toBe(20);
  });

  it("beyond the per-URL budget answer 429 with Retry-After and write nothing", async () => {
    const ws = await workspace("forge-flood");
    const { token } = await createSubscription(ws, "activity");
    await freshWindow();
    const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => post(token, { ...real, id: 800_000_000 + i })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(25);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(await db.activity.count({ where: { workspaceId: ws } })).toBe(25);
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws } })).toBe(25);
    // Another URL of the same workspace has its own budget.
    const other = (await createSubscription(ws, "activity")).token;
    expect((await post(other, { ...real, id: 800_000_100 })).status).toBe(200);
  });
});
