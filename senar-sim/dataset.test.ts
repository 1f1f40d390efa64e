import { describe, expect, it } from "vitest";
import { parseSenarTimestamp } from "@/lib/senar-time";
import { datasetFor, PASS_MARK, type SimActivity, senarTimestamp } from "./dataset";

const anchor = new Date("2025-06-01T00:00:00Z");
const opts = { users: 30, trainees: 200, activities: 6000, anchor };
const SAMPLE_ACTIVITY_KEYS = [
  "id", "collectionId", "userId", "traineeId", "firstName", "lastName", "company", "trainingDate", "scenarioId",
  "scenarioName", "totalPoints", "totalSec", "totalTries", "simulatorId", "tilts", "totalMaxPoints", "abandons",
  "collectionTitle", "simulatorTitle", "userFirstName", "userLastName", "userEmail", "userCostCenter",
  "userAccountName", "traineeEmail", "traineeProfile",
];
const SAMPLE_USER_KEYS = ["id", "firstName", "lastName", "email", "language", "accountName", "countryName", "creationDate", "profile"];
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;

describe("datasetFor", () => {
  const ds = datasetFor({ seed: 42, accountName: "ACME" }, opts);
  const acts = [...ds.activities()];
  const users = [...ds.users()];

  it("is deterministic for a seed and differs between seeds", () => {
    const again = datasetFor({ seed: 42, accountName: "ACME" }, opts);
    expect(JSON.stringify([...again.activities()])).toBe(JSON.stringify(acts));
    expect(JSON.stringify([...again.users()])).toBe(JSON.stringify(users));
    const other = datasetFor({ seed: 7, accountName: "ACME" }, opts);
    expect([...other.activities()][0]).not.toEqual(acts[0]);
    expect(other.collections.map((c) => c.id)).not.toEqual(ds.collections.map((c) => c.id));
  });

  it("yields the sized number of records with the sample's field names, in order", () => {
    expect(acts).toHaveLength(6000);
    expect(users).toHaveLength(30);
    for (const a of acts.slice(0, 50)) expect(Object.keys(a)).toEqual(SAMPLE_ACTIVITY_KEYS);
    for (const u of users) expect(Object.keys(u)).toEqual(SAMPLE_USER_KEYS);
  });

  it("writes every timestamp the Senar way, within the two years before the anchor, ascending with ids", () => {
    let prev = 0;
    for (const [i, a] of acts.entries()) {
      expect(a.trainingDate).toMatch(TS);
      const t = parseSenarTimestamp(a.trainingDate)?.getTime() ?? NaN;
      expect(t).toBeGreaterThanOrEqual(anchor.getTime() - 730 * 86_400_000);
      expect(t).toBeLessThan(anchor.getTime());
      expect(t).toBeGreaterThanOrEqual(prev);
      expect(a.id).toBe(ds.firstActivityId + i);
      prev = t;
    }
    for (const u of users) expect(u.creationDate).toMatch(TS);
    // Most carry the full 7 digits; trailing zeros are dropped as .NET does.
    expect(acts.filter((a) => /\.\d{7}$/.test(a.trainingDate)).length).toBeGreaterThan(acts.length * 0.8);
    expect(senarTimestamp(Date.UTC(2022, 8, 7, 6, 25, 23, 901), 4976)).toBe("2022-09-07T06:25:23.9014976");
    expect(senarTimestamp(Date.UTC(2021, 2, 9, 17, 37, 11, 186), 8360)).toBe("2021-03-09T17:37:11.186836");
    expect(senarTimestamp(Date.UTC(2021, 2, 9, 17, 37, 11, 0), 0)).toBe("2021-03-09T17:37:11");
  });

  it("serves JSON identical to JSON.stringify of the records", () => {
    const json = [...ds.activitiesJson()];
    expect(json).toEqual(acts.map((a) => JSON.stringify(a)));
  });

  it("links activities to the account's collections, catalogue and instructors", () => {
    const userById = new Map(users.map((u) => [u.id, u]));
    const scenarios = new Map(ds.collections.flatMap((c) => c.simulators.flatMap((s) => s.scenarios.map((sc) => [`${c.id}/${s.id}/${sc.id}`, { c, s, sc }] as const))));
    for (const a of acts) {
      const hit = scenarios.get(`${a.collectionId}/${a.simulatorId}/${a.scenarioId}`);
      expect(hit, `${a.collectionId}/${a.simulatorId}/${a.scenarioId}`).toBeDefined();
      expect(a.totalMaxPoints).toBe(hit?.sc.maxPoints);
      expect(a.collectionTitle).toBe(hit?.c.title);
      expect(a.totalPoints).toBeLessThanOrEqual(a.totalMaxPoints);
      const u = userById.get(a.userId);
      expect(u?.email).toBe(a.userEmail);
      expect(["Instructor", "Supervisor", "Manager"]).toContain(u?.profile);
      expect(a.userAccountName).toBe("ACME");
    }
    expect(ds.ownsCollection(ds.collections[0]?.id ?? -1)).toBe(true);
    expect(ds.ownsCollection(999_999)).toBe(false);
  });

  it("looks like real training: a share of fails, hard scenarios, learning over attempts, some trainees without email", () => {
    const pct = (a: SimActivity) => a.totalPoints / a.totalMaxPoints;
    const failRate = acts.filter((a) => pct(a) < PASS_MARK).length / acts.length;
    expect(failRate).toBeGreaterThan(0.15);
    expect(failRate).toBeLessThan(0.35);

    const byScenario = new Map<string, { n: number; fail: number }>();
    const attempts = new Map<string, number[]>();
    for (const a of acts) {
      const k = `${a.simulatorId}/${a.scenarioId}`;
      const s = byScenario.get(k) ?? { n: 0, fail: 0 };
      s.n++;
      if (pct(a) < PASS_MARK) s.fail++;
      byScenario.set(k, s);
      const t = `${a.traineeId}/${k}`;
      attempts.set(t, [...(attempts.get(t) ?? []), pct(a)]);
    }
    const rates = [...byScenario.values()].filter((s) => s.n >= 30).map((s) => s.fail / s.n);
    expect(Math.max(...rates)).toBeGreaterThan(0.5); // some scenarios are clearly hard
    expect(Math.min(...rates)).toBeLessThan(0.15);

    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const repeated = [...attempts.values()].filter((xs) => xs.length >= 3);
    expect(repeated.length).toBeGreaterThan(50);
    expect(mean(repeated.map((xs) => xs[2] ?? 0))).toBeGreaterThan(mean(repeated.map((xs) => xs[0] ?? 0)));

    expect(acts.some((a) => a.abandons > 0)).toBe(true);
    expect(acts.some((a) => a.tilts > 0)).toBe(true);
    expect(acts.some((a) => a.totalTries > 1)).toBe(true);
    const trainees = new Map(acts.map((a) => [a.traineeId, a]));
    const withoutEmail = [...trainees.values()].filter((a) => a.traineeEmail === "").length;
    expect(withoutEmail).toBeGreaterThan(0);
    expect(withoutEmail).toBeLessThan(trainees.size);
    expect(new Set([...trainees.values()].map((a) => a.company)).size).toBeGreaterThan(3);
  });

  it("keeps memory flat: generation state does not grow with the number of activities", () => {
    // A cheap proxy for the 1,000,000-record measurement in docs/SENAR-SIMULATOR.md: a lazily
    // consumed generator must not have materialised its records up front.
    const big = datasetFor({ seed: 1 }, { activities: 5_000_000, anchor });
    const it = big.activities();
    expect(it.next().value?.id).toBe(big.firstActivityId);
    expect(big.nextActivityId).toBe(big.firstActivityId + 5_000_000);
  });
});
