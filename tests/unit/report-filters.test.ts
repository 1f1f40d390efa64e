import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_COLUMNS,
  DEFAULT_COLUMNS,
  matrixFiltersSchema,
  parseFiltersLenient,
  parseFiltersStrict,
  parseReportFilters,
  reportFiltersSchema,
  reportHref,
  reportSearch,
  resolveRange,
  splitScenarioKey,
  todayIn,
  wholeMonths,
  type ReportFilters,
} from "@/lib/report-filters";

describe("report filters: URL round trip", () => {
  it("parses defaults from an empty query and writes them back as an empty query", () => {
    const f = parseReportFilters({});
    expect(f).toMatchObject({ range: "30d", sort: "date", dir: "desc", page: 1, size: 50 });
    expect(f.cols).toBeUndefined();
    expect(reportSearch(f).toString()).toBe("");
  });

  it("keeps every field through search params and back", () => {
    const state: ReportFilters = {
      range: "custom",
      from: "2024-01-05",
      to: "2024-02-10",
      collection: 41,
      simulator: 18,
      scenario: "18:S01",
      instructor: "b68bfbd8-8f26-427b-a3c9-2d4cec36648b",
      company: "Daria & Co",
      costCenter: "East",
      q: "Natalia Brown",
      result: "fail",
      sort: "score",
      dir: "asc",
      page: 3,
      size: 100,
      cols: ["date", "trainee", "score", "tilts"],
    };
    const qs = reportSearch(state).toString();
    expect(parseReportFilters(new URLSearchParams(qs))).toEqual(state);
  });

  it("round-trips arbitrary valid states (property)", () => {
    const arb = fc.record({
      range: fc.constantFrom("30d", "this-month", "last-month", "90d", "12m") as fc.Arbitrary<ReportFilters["range"]>,
      collection: fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }),
      company: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0), { nil: undefined }),
      q: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0), { nil: undefined }),
      result: fc.option(fc.constantFrom("pass", "fail") as fc.Arbitrary<"pass" | "fail">, { nil: undefined }),
      page: fc.integer({ min: 1, max: 500 }),
      cols: fc.option(fc.subarray([...ACTIVITY_COLUMNS], { minLength: 1 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (partial) => {
        const full = { ...parseReportFilters({}), ...partial };
        const back = parseReportFilters(new URLSearchParams(reportSearch(full).toString()));
        for (const [k, v] of Object.entries(full)) if (v !== undefined) expect(back[k as keyof ReportFilters]).toEqual(v);
      }),
      { numRuns: 200 },
    );
  });

  it("drops from/to unless the range is custom, and resets the page on a filter change", () => {
    expect(reportSearch({ range: "90d", from: "2024-01-01", to: "2024-01-31" }).toString()).toBe("range=90d");
    expect(reportHref("/w/acme/activities", { page: 4, company: "A" }, { result: "pass" })).toBe("/w/acme/activities?company=A&result=pass");
  });

  it("is lenient on pages and strict for routes", () => {
    const bad = { range: "forever", page: "-2", size: "7", collection: "x", cols: "date,nope", from: "2023-02-30", company: "Daria" };
    const lenient = parseReportFilters(bad);
    expect(lenient).toMatchObject({ range: "30d", page: 1, size: 50, company: "Daria" });
    expect(lenient.collection).toBeUndefined();
    expect(lenient.cols).toBeUndefined();
    expect(lenient.from).toBeUndefined();
    const strict = parseFiltersStrict(reportFiltersSchema, bad);
    expect(strict.success).toBe(false);
    expect(parseFiltersStrict(reportFiltersSchema, { company: "", page: "2" }).success).toBe(true);
  });

  it("canonicalises the column list and splits scenario keys", () => {
    expect(parseReportFilters({ cols: "score,date" }).cols).toEqual(["date", "score"]);
    expect(parseReportFilters({ cols: ["score", "trainee"] }).cols).toEqual(["trainee", "score"]);
    expect(parseReportFilters(new URLSearchParams("cols=tilts&cols=date")).cols).toEqual(["date", "tilts"]);
    expect(DEFAULT_COLUMNS.every((c) => ACTIVITY_COLUMNS.includes(c))).toBe(true);
    expect(splitScenarioKey("18:S:01")).toEqual({ simulatorId: 18, scenarioId: "S:01" });
    expect(splitScenarioKey("S01")).toBeNull();
  });

  it("parses the matrix state with its own defaults", () => {
    const m = parseFiltersLenient(matrixFiltersSchema, { collection: "41", size: "200", all: "1", sort: "bogus" });
    expect(m).toMatchObject({ collection: 41, size: 200, all: "1", sort: "name", page: 1 });
  });
});

describe("date ranges in the workspace time zone", () => {
  // 2026-03-01 03:30 UTC is still 28 Feb in New York.
  const now = new Date("2026-03-01T03:30:00Z");
  it("takes today from the workspace zone, not the server's", () => {
    expect(todayIn("UTC", now)).toBe("2026-03-01");
    expect(todayIn("America/New_York", now)).toBe("2026-02-28");
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-03-01");
  });
  it("resolves rolling ranges with an equal previous period", () => {
    const r = resolveRange({ range: "30d" }, "UTC", now);
    expect(r).toMatchObject({ from: "2026-01-31", to: "2026-03-01", prevFrom: "2026-01-01", prevTo: "2026-01-30", days: 30 });
    const ny = resolveRange({ range: "30d" }, "America/New_York", now);
    expect(ny).toMatchObject({ from: "2026-01-30", to: "2026-02-28" });
  });
  it("resolves calendar months and compares with the same days of the month before", () => {
    const nov = new Date("2026-11-23T12:00:00Z");
    expect(resolveRange({ range: "this-month" }, "UTC", nov)).toMatchObject({ from: "2026-11-01", to: "2026-11-23", prevFrom: "2026-10-01", prevTo: "2026-10-23" });
    expect(resolveRange({ range: "last-month" }, "UTC", nov)).toMatchObject({ from: "2026-10-01", to: "2026-10-31", prevFrom: "2026-09-01", prevTo: "2026-09-30", days: 31 });
    expect(resolveRange({ range: "this-month" }, "UTC", new Date("2026-03-31T12:00:00Z"))).toMatchObject({ prevFrom: "2026-02-01", prevTo: "2026-02-28" });
    expect(resolveRange({ range: "12m" }, "UTC", nov)).toMatchObject({ from: "2025-11-24", to: "2026-11-23", days: 365 });
  });
  it("orders a reversed custom range and falls back when it is incomplete", () => {
    expect(resolveRange({ range: "custom", from: "2024-02-10", to: "2024-01-01" }, "UTC", now)).toMatchObject({ from: "2024-01-01", to: "2024-02-10", days: 41, prevTo: "2023-12-31" });
    expect(resolveRange({ range: "custom", from: "2024-02-10" }, "UTC", now).days).toBe(30);
  });
});

describe("wholeMonths", () => {
  it("finds the calendar months lying wholly inside a range, leap days included", () => {
    expect(wholeMonths("2024-01-01", "2024-12-31")).toEqual({ first: "2024-01-01", last: "2024-12-01" });
    expect(wholeMonths("2024-01-02", "2024-03-31")).toEqual({ first: "2024-02-01", last: "2024-03-01" });
    expect(wholeMonths("2024-02-01", "2024-02-29")).toEqual({ first: "2024-02-01", last: "2024-02-01" });
    expect(wholeMonths("2024-02-01", "2024-02-28")).toBeNull();
    expect(wholeMonths("2023-12-15", "2024-01-30")).toBeNull();
    expect(wholeMonths("2023-11-20", "2024-02-10")).toEqual({ first: "2023-12-01", last: "2024-01-01" });
  });

  it("covers every day of [from, to] exactly once with the days around the months (property)", () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const m = wholeMonths(from, to);
        if (!m) return;
        expect(m.first >= from && m.first.endsWith("-01")).toBe(true);
        expect(m.last <= to && m.last.endsWith("-01") && m.first <= m.last).toBe(true);
        // The month before `first` and after `last` are not wholly inside.
        const before = new Date(`${m.first}T00:00:00Z`);
        before.setUTCMonth(before.getUTCMonth() - 1);
        expect(before.toISOString().slice(0, 10) >= from).toBe(false);
        const after = new Date(`${m.last}T00:00:00Z`);
        after.setUTCMonth(after.getUTCMonth() + 2, 0);
        expect(after.toISOString().slice(0, 10) <= to).toBe(false);
      }),
    );
  });
});
