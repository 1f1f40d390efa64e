// Webhook intake through the route handler: shapes accepted, idempotence under concurrency,
// the sourceAt rule, every refusal (with nothing written), and register/unsubscribe with Senar.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/senar/[token]/route";
import { DEFAULT_ACCOUNT, startSimulator, type RunningSim } from "@/senar-sim/server";
import { encrypt } from "@/server/crypto";
import { db } from "@/server/db/client";
import { parseRecord, type Parsed, type SenarActivity } from "@/server/senar/schemas";
import { upsertActivities } from "@/server/sync/upsert-activities";
import { createSubscription, registerHooks, unsubscribeHook } from "@/server/sync/webhooks-out";

let ws = "";
let token = "";
let userToken = "";
let sim: RunningSim;

const activity = (id: number, over: Record<string, unknown> = {}) => ({
  id, collectionId: 41, userId: "u-1", traineeId: "t-1", firstName: "Ann", lastName: "Lee", company: "Daria",
  trainingDate: "2024-04-10T10:00:00.1234567", scenarioId: "S01", scenarioName: "Scenario 1", totalPoints: 2900,
  totalSec: 622, totalTries: 1, simulatorId: 18, tilts: 0, totalMaxPoints: 3400, abandons: 1, ...over,
});

function post(body: string | null, t = token, type = "application/json", headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/api/webhooks/senar/${t}`, { method: "POST", body, headers: { "content-type": type, ...headers } });
  return POST(req, { params: Promise.resolve({ token: t }) });
}
const json = (v: unknown) => post(JSON.stringify(v));
const stored = async () => ({
  activities: await db.activity.count({ where: { workspaceId: ws } }),
  invalid: await db.invalidRecord.count({ where: { workspaceId: ws } }),
});

beforeAll(async () => {
  sim = await startSimulator({ users: 5, activities: 10 });
  const wsId = randomUUID();
  ws = (
    await db.workspace.create({
      data: { id: wsId, slug: `wh-${Date.now()}`, name: "WH", senarBaseUrl: sim.url, senarUsername: DEFAULT_ACCOUNT.username, senarPasswordEnc: encrypt(DEFAULT_ACCOUNT.password, { workspaceId: wsId, column: "senarPasswordEnc" }) },
    })
  ).id;
  token = (await createSubscription(ws, "activity")).token;
  userToken = (await createSubscription(ws, "user")).token;
});
afterAll(async () => {
  await sim.close();
});

describe(`webhook intake (${process.env.TEST_DB_KIND})`, () => {
  it("takes a record, an array, and a { data } wrapper, and logs each delivery", async () => {
    expect((await json(activity(1))).status).toBe(200);
    expect((await json([activity(2), activity(3)])).status).toBe(200);
    const res = await json({ data: [activity(4), { id: "not a number" }] });
    expect(await res.json()).toMatchObject({ taken: 1, refused: 1 });
    expect(await stored()).toEqual({ activities: 4, invalid: 1 });
    const bad = await db.invalidRecord.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(bad.source).toBe("webhook");
    expect(bad.deliveryId).not.toBeNull();
    const deliveries = await db.webhookDelivery.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } });
    expect(deliveries.map((d) => [d.status, d.taken, d.refused])).toEqual([[200, 1, 0], [200, 2, 0], [200, 1, 1]]);
    const u = await post(JSON.stringify({ id: "765fc7cf", firstName: "Jon" }), userToken);
    expect(u.status).toBe(200);
    expect(await db.senarUser.count({ where: { workspaceId: ws } })).toBe(1);
    const usage = await db.usageDaily.findMany({ where: { workspaceId: ws, source: "webhook" }, orderBy: { type: "asc" } });
    expect(usage.map((x) => [x.type, x.count])).toEqual([["activity", 4], ["user", 1]]);
  });

  it("stores the same delivery twice, and 50 concurrent deliveries of one id, as exactly one row", async () => {
    const body = activity(100);
    await json(body);
    await json(body);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => json(activity(101, { totalSec: 600 + (i % 2) }))));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(await db.activity.count({ where: { workspaceId: ws, id: { in: [100n, 101n] } } })).toBe(2);
    const roll = await db.dailyRollup.findFirstOrThrow({ where: { workspaceId: ws, scenarioId: "S01" } });
    expect(roll.sessions).toBe(await db.activity.count({ where: { workspaceId: ws, scenarioId: "S01" } }));
  });

  it("stores 60 concurrent deliveries, each logged with its own counts; one the database refuses fails alone", async () => {
    // Concurrent deliveries are written together (delivery-batch.ts). A trigger makes the
    // database refuse activity 666: that delivery must get a 503, and none of the others.
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_666() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."id" = 666 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_666 BEFORE INSERT ON "Activity" FOR EACH ROW EXECUTE FUNCTION refuse_666()`);
    try {
      const bodies = Array.from({ length: 60 }, (_, i) =>
        i === 30 ? [activity(666)] : i % 10 === 0 ? [activity(1000 + i), { id: `bad-${i}` }] : [activity(1000 + i, { traineeId: `t-${i % 7}` })],
      );
      const before = await db.webhookDelivery.findMany({ where: { workspaceId: ws }, select: { id: true } });
      const answers = await Promise.all(bodies.map((b) => json(b)));
      expect(answers.map((a) => a.status)).toEqual(bodies.map((_, i) => (i === 30 ? 503 : 200)));

      const ids = bodies.flatMap((b, i) => (i === 30 ? [] : [BigInt(1000 + i)]));
      expect(await db.activity.count({ where: { workspaceId: ws, id: { in: [...ids, 666n] } } })).toBe(59);
      const logged = await db.webhookDelivery.findMany({
        where: { workspaceId: ws, id: { notIn: before.map((d) => d.id) } },
        select: { id: true, status: true, taken: true, refused: true },
      });
      expect(logged).toHaveLength(59);
      expect(logged.every((d) => d.status === 200 && d.taken === 1)).toBe(true);
      const withRefusal = logged.filter((d) => d.refused === 1).map((d) => d.id);
      expect(withRefusal).toHaveLength(5);
      const invalid = await db.invalidRecord.findMany({ where: { workspaceId: ws, deliveryId: { in: withRefusal } }, select: { deliveryId: true } });
      expect(new Set(invalid.map((r) => r.deliveryId))).toEqual(new Set(withRefusal));
      const sessions = await db.dailyRollup.aggregate({ where: { workspaceId: ws }, _sum: { sessions: true } });
      expect(sessions._sum.sessions).toBe(await db.activity.count({ where: { workspaceId: ws } }));
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_666 ON "Activity"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_666()`);
    }
  });

  it("does not let an older observation overwrite a newer webhook version, except a full sync's", async () => {
    await json(activity(200, { totalPoints: 3000 }));
    const version = (points: number): Parsed<SenarActivity> => {
      const r = parseRecord("activity", activity(200, { totalPoints: points }));
      if (!r.ok) throw new Error("bad fixture");
      return r.value;
    };
    const at = () => db.activity.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: 200n } } });
    // An older webhook observation (a late retry) loses to the newer one.
    await upsertActivities(db, ws, [version(20)], { source: "webhook", sourceAt: new Date(Date.now() - 60_000) });
    expect((await at()).totalPoints).toBe(3000);
    // Senar signs no delivery: a full sync's record replaces a provisional row, whatever its age.
    await upsertActivities(db, ws, [version(10)], { source: "sync", sourceAt: new Date(Date.now() - 60_000) });
    expect(await at()).toMatchObject({ totalPoints: 10, provisional: false });
    // Once confirmed, the sourceAt rule holds for syncs too.
    await upsertActivities(db, ws, [version(5)], { source: "sync", sourceAt: new Date(Date.now() - 120_000) });
    expect((await at()).totalPoints).toBe(10);
  });

  it("refuses bad requests with the right 4xx and stores nothing", async () => {
    const before = await stored();
    const unknown = "A".repeat(43);
    expect((await post(JSON.stringify(activity(300)), unknown)).status).toBe(404);
    expect((await post(JSON.stringify(activity(300)), "short")).status).toBe(404);
    expect((await post(JSON.stringify(activity(300)), `${token}x`)).status).toBe(404);
    expect((await post("")).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify(activity(300)), token, "text/plain")).status).toBe(415);
    const big = JSON.stringify({ data: [activity(300, { company: "x".repeat(11 * 1024 * 1024) })] });
    expect((await post(big)).status).toBe(413);
    expect((await post(big, token, "application/json", { "content-length": String(big.length) })).status).toBe(413);
    const deep = `${"[".repeat(5000)}${JSON.stringify(activity(300))}${"]".repeat(5000)}`;
    const d = await post(deep);
    expect(d.status).toBe(400);
    expect(((await d.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    expect(await stored()).toEqual(before);
  });

  it("answers 202 to JSON that carries no records, and queues a sync", async () => {
    const res = await json({ event: "something changed" });
    expect(res.status).toBe(202);
    const run = await db.syncRun.findFirstOrThrow({ where: { workspaceId: ws, status: "RUNNING" } });
    expect(run.trigger).toBe("webhook");
    expect((await json([])).status).toBe(202);
    expect(await db.syncRun.count({ where: { workspaceId: ws } })).toBe(1);
  });

  it("registers both hooks with Senar, and after unsubscribing the URL answers 410", async () => {
    const hooks = await registerHooks(ws, { user: null, label: "test" });
    expect(hooks.map((h) => h.method)).toEqual(["user", "activity"]);
    const atSenar = sim.hooks();
    expect(atSenar.map((h) => h.id).sort()).toEqual(hooks.map((h) => h.senarHookId).sort());
    const url = atSenar.find((h) => h.method === "activity")?.hookUrl ?? "";
    expect(url).toMatch(/\/api\/webhooks\/senar\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.webhookSubscription.findUniqueOrThrow({ where: { id: hooks[1]!.subscriptionId } });
    expect(url).not.toContain(stored.tokenHash);
    const hookToken = url.split("/").pop()!;
    expect((await post(JSON.stringify(activity(400)), hookToken)).status).toBe(200);

    const r = await unsubscribeHook(ws, hooks[1]!.subscriptionId, { user: null, label: "test" });
    expect(r.message).toMatch(/410/);
    expect((await post(JSON.stringify(activity(401)), hookToken)).status).toBe(410);
    const audits = await db.auditEvent.findMany({ where: { workspaceId: ws }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.register", "webhook.unsubscribe"]));
  });
});
