// The URL state of every report, as one zod schema shared by pages, CSV routes and the public
// API, so that a link (or an export) reproduces exactly the view it came from.
// Pages parse leniently (a bad value falls back to its default); routes parse strictly (400).
import { z } from "zod";

export const RANGE_PRESETS = ["30d", "this-month", "last-month", "90d", "12m", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const RANGE_LABELS: Record<RangePreset, string> = {
  "30d": "Last 30 days",
  "this-month": "This month",
  "last-month": "Last month",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
  custom: "Custom range",
};

/** Columns of the activities explorer, in display order. */
export const ACTIVITY_COLUMNS = [
  "date",
  "trainee",
  "company",
  "traineeEmail",
  "traineeProfile",
  "collection",
  "simulator",
  "scenario",
  "score",
  "result",
  "points",
  "duration",
  "tries",
  "tilts",
  "abandons",
  "instructor",
  "costCenter",
  "account",
  "id",
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];
export const COLUMN_LABELS: Record<ActivityColumn, string> = {
  date: "Date",
  trainee: "Trainee",
  company: "Company",
  traineeEmail: "Trainee email",
  traineeProfile: "Trainee profile",
  collection: "Collection",
  simulator: "Simulator",
  scenario: "Scenario",
  score: "Score",
  result: "Result",
  points: "Points",
  duration: "Time",
  tries: "Tries",
  tilts: "Tilts",
  abandons: "Abandons",
  instructor: "Instructor",
  costCenter: "Cost centre",
  account: "Account",
  id: "Activity ID",
};
export const DEFAULT_COLUMNS: ActivityColumn[] = ["date", "trainee", "company", "scenario", "score", "result", "duration", "tries", "instructor"];

export const SORT_KEYS = ["date", "score", "trainee", "scenario", "duration", "tries", "company", "instructor"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DATE, "use YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");
const text = z.string().trim().min(1).max(200);
const id = z.coerce.number().int().min(0).max(2_147_483_647);
/** A scenario is identified within its simulator: "<simulatorId>:<scenarioId>". */
const scenarioKeyParam = z.string().regex(/^\d{1,10}:.{1,100}$/, "use <simulatorId>:<scenarioId>");

const columns = z
  .string()
  .max(500)
  .transform((s, ctx) => {
    const list = s.split(",").map((c) => c.trim()).filter(Boolean);
    const bad = list.find((c) => !(ACTIVITY_COLUMNS as readonly string[]).includes(c));
    if (bad) {
      ctx.addIssue({ code: "custom", message: `unknown column "${bad}"` });
      return z.NEVER;
    }
    // Keep the canonical order so two links showing the same columns are the same link.
    return ACTIVITY_COLUMNS.filter((c) => list.includes(c));
  });

export const reportFiltersSchema = z.object({
  range: z.enum(RANGE_PRESETS).default("30d"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  collection: id.optional(),
  simulator: id.optional(),
  scenario: scenarioKeyParam.optional(),
  instructor: text.optional(),
  company: text.optional(),
  costCenter: text.optional(),
  q: text.optional(),
  result: z.enum(["pass", "fail"]).optional(),
  sort: z.enum(SORT_KEYS).default("date"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n), "use 25, 50 or 100")
    .default(50),
  cols: columns.optional(),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

function flatten(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  // A column picker's checkboxes send cols=a&cols=b: those are joined; any other repeat keeps the first.
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) if (!(k in out)) out[k] = k === "cols" ? input.getAll(k).join(",") : v;
    return out;
  }
  for (const [k, v] of Object.entries(input)) {
    const first = Array.isArray(v) ? (k === "cols" ? v.join(",") : v[0]) : v;
    // An empty form field means "no filter", not an invalid value.
    if (first !== undefined && first.trim() !== "") out[k] = first;
  }
  return out;
}

function emptyOut(input: SearchParamsInput): Record<string, string> {
  const flat = flatten(input);
  for (const k of Object.keys(flat)) if (flat[k]?.trim() === "") delete flat[k];
  return flat;
}

/** For pages: every field that does not parse falls back to its default, so a stale link still opens. */
export function parseFiltersLenient<S extends z.ZodObject>(schema: S, input: SearchParamsInput): z.infer<S> {
  const flat = emptyOut(input);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodType).safeParse(flat[key]);
    out[key] = r.success ? r.data : (field as z.ZodType).safeParse(undefined).data;
  }
  return out as z.infer<S>;
}

/** For routes: the first invalid field is reported (the route wrapper answers 400). */
export function parseFiltersStrict<S extends z.ZodObject>(schema: S, input: SearchParamsInput): z.ZodSafeParseResult<z.infer<S>> {
  return schema.safeParse(emptyOut(input)) as z.ZodSafeParseResult<z.infer<S>>;
}

export const parseReportFilters = (input: SearchParamsInput): ReportFilters => parseFiltersLenient(reportFiltersSchema, input);

/** The query string of a filter state, omitting defaults so links stay short and canonical. */
export function filtersToSearch<S extends z.ZodObject>(schema: S, state: Partial<z.infer<S>>): URLSearchParams {
  const params = new URLSearchParams();
  const defaults = parseFiltersLenient(schema, {}) as Record<string, unknown>;
  for (const key of Object.keys(schema.shape)) {
    const value = (state as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const str = Array.isArray(value) ? value.join(",") : String(value);
    const def = defaults[key];
    const defStr = def === undefined ? undefined : Array.isArray(def) ? def.join(",") : String(def);
    if (str === defStr || str === "") continue;
    params.set(key, str);
  }
  // from/to only mean something with a custom range.
  if (params.get("range") !== "custom") {
    params.delete("from");
    params.delete("to");
  }
  return params;
}

export const reportSearch = (state: Partial<ReportFilters>): URLSearchParams => filtersToSearch(reportFiltersSchema, state);

/** href for a page with a filter state, optionally changing some fields (page resets unless set). */
export function reportHref(path: string, state: Partial<ReportFilters>, patch: Partial<ReportFilters> = {}): string {
  const next = { ...state, page: undefined, ...patch };
  const qs = reportSearch(next).toString();
  return qs ? `${path}?${qs}` : path;
}

/** A scenario is unique within its simulator: `<simulatorId>:<scenarioId>` names it in URLs and maps. */
export const scenarioKey = (simulatorId: number, scenarioId: string): string => `${simulatorId}:${scenarioId}`;

export function splitScenarioKey(key: string): { simulatorId: number; scenarioId: string } | null {
  const m = /^(\d{1,10}):(.+)$/.exec(key);
  return m ? { simulatorId: Number(m[1]), scenarioId: m[2]! } : null;
}

// ─── Matrix and breakdown state (subsets of the same vocabulary) ─────────────

export const matrixFiltersSchema = z.object({
  collection: id.optional(),
  company: text.optional(),
  costCenter: text.optional(),
  q: text.optional(),
  /** Include trainees with no attempt in the collection (shown as a row of "not attempted"). */
  all: z.enum(["1"]).optional(),
  sort: z.enum(["name", "passed"]).default("name"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce
    .number()
    .refine((n) => [50, 100, 200].includes(n), "use 50, 100 or 200")
    .default(100),
});
export type MatrixFilters = z.infer<typeof matrixFiltersSchema>;

export const BREAKDOWN_DIMENSIONS = ["collection", "simulator", "scenario", "company", "costCenter", "instructor"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const BREAKDOWN_LABELS: Record<BreakdownDimension, string> = {
  collection: "Collection",
  simulator: "Simulator",
  scenario: "Scenario",
  company: "Company",
  costCenter: "Cost centre",
  instructor: "Instructor",
};

export const breakdownFiltersSchema = reportFiltersSchema
  .pick({ range: true, from: true, to: true, collection: true, simulator: true, company: true, costCenter: true, instructor: true })
  .extend({
    by: z.enum(BREAKDOWN_DIMENSIONS).default("collection"),
    bsort: z.enum(["sessions", "trainees", "score", "pass", "time", "name"]).default("sessions"),
  });
export type BreakdownFilters = z.infer<typeof breakdownFiltersSchema>;

// ─── Date ranges in the workspace's time zone ────────────────────────────────

export type ResolvedRange = {
  /** Inclusive local dates (YYYY-MM-DD) in the workspace time zone. */
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
  days: number;
  label: string;
};

/** Today's date in a time zone, as YYYY-MM-DD, whatever the server's own TZ. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const toUtc = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
export function addDays(d: string, n: number): string {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fmt(t);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000) + 1;
}
function monthStart(d: string, deltaMonths = 0): string {
  const t = toUtc(d);
  return fmt(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + deltaMonths, 1)));
}
export const monthEnd = (d: string) => addDays(monthStart(d, 1), -1);

/** The calendar months lying wholly inside [from, to] (as their first days), or null if none. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const first = from.endsWith("-01") ? from : monthStart(from, 1);
  const last = monthEnd(to) === to ? monthStart(to) : monthStart(to, -1);
  return first <= last ? { first, last } : null;
}
const minDate = (a: string, b: string) => (a < b ? a : b);

export function resolveRange(f: Pick<ReportFilters, "range" | "from" | "to">, timeZone: string, now: Date = new Date()): ResolvedRange {
  const today = todayIn(timeZone, now);
  const rolling = (n: number): ResolvedRange => {
    const from = addDays(today, -(n - 1));
    return { from, to: today, prevFrom: addDays(from, -n), prevTo: addDays(from, -1), days: n, label: "" };
  };
  let r: ResolvedRange;
  switch (f.range) {
    case "this-month": {
      const from = monthStart(today);
      const prevFrom = monthStart(today, -1);
      // Compared with the same days of last month (1–23 Nov against 1–23 Oct).
      const prevTo = minDate(addDays(prevFrom, daysBetween(from, today) - 1), monthEnd(prevFrom));
      r = { from, to: today, prevFrom, prevTo, days: daysBetween(from, today), label: "" };
      break;
    }
    case "last-month": {
      const from = monthStart(today, -1);
      const prevFrom = monthStart(today, -2);
      r = { from, to: monthEnd(from), prevFrom, prevTo: monthEnd(prevFrom), days: daysBetween(from, monthEnd(from)), label: "" };
      break;
    }
    case "90d":
      r = rolling(90);
      break;
    case "12m": {
      const from = addDays(monthStart(today, -12), toUtc(today).getUTCDate());
      const days = daysBetween(from, today);
      r = { from, to: today, prevFrom: addDays(from, -days), prevTo: addDays(from, -1), days, label: "" };
      break;
    }
    case "custom": {
      if (!f.from || !f.to) {
        r = rolling(30);
        break;
      }
      const [from, to] = f.from <= f.to ? [f.from, f.to] : [f.to, f.from];
      const days = daysBetween(from, to);
      r = { from, to, prevFrom: addDays(from, -days), prevTo: addDays(from, -1), days, label: "" };
      break;
    }
    default:
      r = rolling(30);
  }
  r.label = f.range === "custom" && f.from && f.to ? `${r.from} – ${r.to}` : RANGE_LABELS[f.range === "custom" ? "30d" : f.range];
  return r;
}
