import { describe, expect, it } from "vitest";
import { addSession, change, competency, effectivePassMark, emptySums, isPass, kpisFromSums, ratio, scorePct, trainingHours } from "@/lib/metrics";

describe("score %", () => {
  it("is totalPoints / totalMaxPoints", () => {
    expect(scorePct(2900, 3400)).toBeCloseTo(0.852941, 5);
    expect(scorePct(0, 3400)).toBe(0);
  });
  it("is unknown without a positive maximum or with missing points", () => {
    expect(scorePct(10, 0)).toBeNull();
    expect(scorePct(10, -5)).toBeNull();
    expect(scorePct(null, 100)).toBeNull();
    expect(scorePct(10, undefined)).toBeNull();
  });
});

describe("pass", () => {
  it("uses the workspace pass mark unless the scenario overrides it", () => {
    expect(effectivePassMark(0.8)).toBe(0.8);
    expect(effectivePassMark(0.8, null)).toBe(0.8);
    expect(effectivePassMark(0.8, 0.6)).toBe(0.6);
    expect(isPass(0.7, 0.8)).toBe(false);
    expect(isPass(0.7, 0.8, 0.65)).toBe(true);
    expect(isPass(0.9, 0.8, 0.95)).toBe(false);
  });
  it("passes exactly at the mark (score ≥ mark), including a computed 80 %", () => {
    expect(isPass(scorePct(2720, 3400), 0.8)).toBe(true);
    expect(isPass(scorePct(2719, 3400), 0.8)).toBe(false);
  });
  it("is neither pass nor fail without a score", () => {
    expect(isPass(null, 0.8)).toBeNull();
  });
});

describe("sums and KPIs", () => {
  it("derive averages from scored sessions only, and rates per session", () => {
    const s = emptySums();
    addSession(s, { totalPoints: 90, totalMaxPoints: 100, totalSec: 600, totalTries: 1, tilts: 2, abandons: 0 }, 0.8);
    addSession(s, { totalPoints: 50, totalMaxPoints: 100, totalSec: 1200, totalTries: 3, tilts: 0, abandons: 1 }, 0.8);
    addSession(s, { totalPoints: 5, totalMaxPoints: 0, totalSec: 1800, totalTries: 2 }, 0.8); // no score
    addSession(s, { totalPoints: 70, totalMaxPoints: 100, scenarioPassMark: 0.7 }, 0.8); // passes by override
    const k = kpisFromSums(s);
    expect(k.sessions).toBe(4);
    expect(s.scored).toBe(3);
    expect(k.passRate).toBeCloseTo(2 / 3);
    expect(k.averageScore).toBeCloseTo((0.9 + 0.5 + 0.7) / 3);
    expect(k.trainingHours).toBeCloseTo(1);
    expect(k.averageTries).toBeCloseTo(6 / 4);
    expect(k.tiltsPerSession).toBeCloseTo(0.5);
    expect(k.abandonsPerSession).toBeCloseTo(0.25);
  });
  it("show no value rather than 0 or NaN when there is nothing", () => {
    const k = kpisFromSums(emptySums());
    expect(k.averageScore).toBeNull();
    expect(k.passRate).toBeNull();
    expect(k.averageTries).toBeNull();
    expect(k.trainingHours).toBe(0);
    expect(ratio(1, 0)).toBeNull();
    expect(trainingHours(5400)).toBe(1.5);
  });
});

describe("change against the previous period", () => {
  it("is relative, and unknown when the previous period had nothing", () => {
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(80, 100)).toBeCloseTo(-0.2);
    expect(change(5, 0)).toBeNull();
    expect(change(0, 0)).toBe(0);
    expect(change(null, 3)).toBeNull();
  });
});

describe("competency cell", () => {
  it("distinguishes passed, attempted-not-passed and not attempted", () => {
    expect(competency(0.95, 2, 0.8)).toBe("passed");
    expect(competency(0.75, 4, 0.8)).toBe("attempted");
    expect(competency(0.75, 4, 0.8, 0.7)).toBe("passed");
    expect(competency(null, 0, 0.8)).toBe("none");
    expect(competency(null, 1, 0.8)).toBe("attempted");
  });
});
