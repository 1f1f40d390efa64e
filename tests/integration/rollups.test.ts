// Set-based upserts and rollups: counts, the sourceAt rule, dimensions, and rollups equal to
// a recomputation after inserts, updates that move rows between days, and time-zone rebuilds.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { parseRecord, type Parsed, type SenarActivity, type SenarUser } from "@/server/senar/schemas";
import { markMissing } from "@/server/sync/mark-missing";
import { rebuildRollups } from "@/server/sync/rollups";
import { upsertActivities } from "@/server/sync/upsert-activities";
import { upsertUsers } from "@/server/sync/upsert-users";

let ws = "";
const T0 = new Date("2024-05-01T10:00:00Z");
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

function act(id: number, over: Record<string, unknown> = {}): Parsed<SenarActivity> {
  const r = parseRecord("activity", {
    id, collectionId: 41, userId: "u-1", traineeId: `t-${id % 3}`, firstName: "Ann", lastName: "Lee", company: "Daria",
    trainingDate: `2024-04-${String(10 + (id % 4)).padStart(2, "0")}T23:30:00.1234567`, scenarioId: `S0${id % 2}`,
    scenarioName: "Scenario", totalPoints: 2000 + id * 100, totalSec: 600, totalTries: 1, simulatorId: 18, tilts: 0,
    totalMaxPoints: 3000, abandons: 0, collectionTitle: "Rigging", simulatorTitle: "Slings", userFirstName: "Jon",
    userLastName: "Doe", userEmail: "jon@x", userCostCenter: "East", userAccountName: "ACME", traineeEmail: "", traineeProfile: "Guest",
    ...over,
  });
  if (!r.ok) throw new Error(r.refused.reason);
  return r.value;
}

type RollRow = { day: string; simulatorId: number; scenarioId: string; sessions: number; scored: number; passed: number; s: number; sec: string };
async function rollups() {
  const r = await db.$queryRaw<RollRow[]>`
    SELECT day::text AS day, "simulatorId", "scenarioId", sessions, scored, passed, round("sumScorePct"::numeric, 9)::float8 AS s, "totalSec"::text AS sec
    FROM "DailyRollup" WHERE "workspaceId" = ${ws} ORDER BY 1, 2, 3`;
  const t = await db.$queryRaw<{ day: string; traineeId: string }[]>`
    SELECT day::text AS day, "traineeId" FROM "DailyTrainee" WHERE "workspaceId" = ${ws} ORDER BY 1, 2`;
  const m = await db.$queryRaw<{ month: string; traineeId: string; days: number }[]>`
    SELECT month::text AS month, "traineeId", days FROM "TraineeMonth" WHERE "workspaceId" = ${ws} ORDER BY 1, 2`;
  // TraineeMonth (kept by triggers) must be DailyTrainee counted per month, at every step.
  const perMonth = new Map<string, number>();
  for (const row of t) {
    const key = `${row.day.slice(0, 7)}-01 ${row.traineeId}`;
    perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
  }
  const byKey = (x: [string, number], y: [string, number]) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
  expect(m.map((x): [string, number] => [`${x.month} ${x.traineeId}`, x.days]).sort(byKey)).toEqual([...perMonth].sort(byKey));
  return { r, t, m };
}
async function expectRollupsEqualRecomputation() {
  const incremental = await rollups();
  await rebuildRollups(db, ws);
  expect(incremental).toEqual(await rollups());
  return incremental;
}

beforeAll(async () => {
  ws = (await db.workspace.create({ data: { slug: `r-${Date.now()}`, name: "R", timeZone: "UTC" } })).id;
});

describe(`upserts and rollups (${process.env.TEST_DB_KIND})`, () => {
  it("counts inserted, updated and unchanged, and fills the dimensions", async () => {
    const batch = [1, 2, 3, 4, 5, 6].map((i) => act(i));
    expect(await upsertActivities(db, ws, batch, { source: "sync", sourceAt: T0 })).toEqual({ inserted: 6, updated: 0, unchanged: 0 });
    const again = [...batch.slice(0, 5), act(6, { totalPoints: 1 }), act(7)];
    expect(await upsertActivities(db, ws, again, { source: "sync", sourceAt: later(1) })).toEqual({ inserted: 1, updated: 1, unchanged: 5 });
    expect(await db.activity.count({ where: { workspaceId: ws } })).toBe(7);
    const a1 = await db.activity.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: 1n } } });
    expect(a1.scorePct).toBeCloseTo(2100 / 3000);
    expect(a1.trainingDate?.toISOString()).toBe("2024-04-11T23:30:00.123Z");
    expect(await db.scenario.count({ where: { workspaceId: ws } })).toBe(2);
    expect((await db.collection.findFirstOrThrow({ where: { workspaceId: ws } })).title).toBe("Rigging");
    expect(await db.trainee.count({ where: { workspaceId: ws } })).toBe(3);
    expect(await db.company.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await db.instructor.count({ where: { workspaceId: ws } })).toBe(1);
    const usage = await db.usageDaily.findMany({ where: { workspaceId: ws } });
    expect(usage.map((u) => [u.source, u.type, u.count])).toEqual([["sync", "activity", 13]]);
    await expectRollupsEqualRecomputation();
  });

  it("never lets an older observation overwrite a newer one (a full sync over a provisional webhook row excepted)", async () => {
    await upsertActivities(db, ws, [act(20, { totalPoints: 3000 })], { source: "sync", sourceAt: later(10) });
    const r = await upsertActivities(db, ws, [act(20, { totalPoints: 100 })], { source: "sync", sourceAt: later(5) });
    expect(r).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const row = await db.activity.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: 20n } } });
    expect(row.totalPoints).toBe(3000);
  });

  it("keeps rollups equal to a recomputation when rows move between days and scenarios", async () => {
    await upsertActivities(db, ws, [act(1, { trainingDate: "2024-03-01T08:00:00", scenarioId: "S09", traineeId: "t-new" }), act(2, { totalMaxPoints: 0 })], {
      source: "webhook",
      sourceAt: later(20),
    });
    const { r, t } = await expectRollupsEqualRecomputation();
    expect(r.some((x) => x.day === "2024-03-01" && x.scenarioId === "S09" && x.sessions === 1)).toBe(true);
    expect(t).toContainEqual({ day: "2024-03-01", traineeId: "t-new" });
    // act(1) left 2024-04-11 and was the only one for trainee t-1 there.
    expect(t).not.toContainEqual({ day: "2024-04-11", traineeId: "t-1" });
  });

  it("counts passes against the scenario's own pass mark, and rebuilds in the workspace time zone", async () => {
    await db.scenario.updateMany({ where: { workspaceId: ws, id: "S00" }, data: { passMark: 0.5 } });
    await db.workspace.update({ where: { id: ws }, data: { timeZone: "Europe/Paris" } });
    await rebuildRollups(db, ws);
    const { r } = await rollups();
    // 23:30 UTC is 01:30 the next day in Paris (summer time).
    expect(r.map((x) => x.day)).toContain("2024-04-12");
    expect(r.map((x) => x.day)).not.toContain("2024-04-10");
    const total = await db.$queryRaw<{ passed: bigint }[]>`
      SELECT count(*) AS passed FROM "Activity" a LEFT JOIN "Scenario" s ON s."workspaceId" = a."workspaceId" AND s."simulatorId" = a."simulatorId" AND s.id = a."scenarioId"
      WHERE a."workspaceId" = ${ws} AND a."scorePct" >= COALESCE(s."passMark", 0.8)`;
    expect(r.reduce((n, x) => n + x.passed, 0)).toBe(Number(total[0]?.passed));
    await upsertActivities(db, ws, [act(30), act(31, { trainingDate: null })], { source: "webhook", sourceAt: later(30) });
    await expectRollupsEqualRecomputation();
  });

  it("upserts users with counts and keeps the raw record", async () => {
    const u = (id: string, over: Record<string, unknown> = {}): Parsed<SenarUser> => {
      const r = parseRecord("user", { id, firstName: "Jon", lastName: "Doe", email: "j@x", creationDate: "2022-09-07T06:25:23.9014976", extra: "\u0000kept", ...over });
      if (!r.ok) throw new Error("bad");
      return r.value;
    };
    expect(await upsertUsers(db, ws, [u("a"), u("b"), u("a")], { source: "sync", sourceAt: T0 })).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await upsertUsers(db, ws, [u("a"), u("b", { lastName: "Roe" })], { source: "sync", sourceAt: T0 })).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const b = await db.senarUser.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: "b" } } });
    expect(b.lastName).toBe("Roe");
    expect((b.raw as Record<string, unknown>).extra).toBe("kept");
    expect(b.creationDate?.toISOString()).toBe("2022-09-07T06:25:23.901Z");
  });

  it("takes rows no longer at the source out of the rollups, and back in when they reappear", async () => {
    const present = await db.activity.count({ where: { workspaceId: ws, presentAtSource: true, trainingDate: { not: null } } });
    expect(present).toBeGreaterThan(0);
    const gone = await db.$transaction((tx) => markMissing(tx, ws, "no-such-run", later(1_000)));
    expect(gone).toBeGreaterThanOrEqual(present);
    const empty = await expectRollupsEqualRecomputation();
    expect(empty.r).toEqual([]);
    expect(empty.t).toEqual([]);
    const back = await upsertActivities(db, ws, [act(3), act(4, { totalPoints: 1 })], { source: "sync", sourceAt: later(2_000) });
    expect(back).toEqual({ inserted: 0, updated: 2, unchanged: 0 });
    const { r } = await expectRollupsEqualRecomputation();
    expect(r.reduce((n, x) => n + x.sessions, 0)).toBe(2);
  });
});
