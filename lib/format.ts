// Display formatting for reports: numbers, percentages, durations, and dates in the workspace's
// time zone (never the server's or the browser's). "—" stands for "no value", never 0.
const LOCALE = "en-GB";
export const DASH = "—";

const intFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dec2 = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatInt(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? DASH : intFmt.format(n);
}

export function formatDecimal(n: number | null | undefined, digits: 1 | 2 = 1): string {
  if (n == null || !Number.isFinite(n)) return DASH;
  return (digits === 1 ? dec1 : dec2).format(n);
}

/** A fraction as a percent: 0.834 → "83.4 %" (one decimal by default, "83 %" with digits 0). */
export function formatPct(fraction: number | null | undefined, digits: 0 | 1 = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return DASH;
  const v = fraction * 100;
  return `${digits === 0 ? intFmt.format(Math.round(v)) : dec1.format(v)} %`;
}

/** Signed relative change for KPI deltas: 0.125 → "+12.5 %". */
export function formatChange(fraction: number | null | undefined): string {
  if (fraction == null || !Number.isFinite(fraction)) return DASH;
  const v = fraction * 100;
  const sign = v > 0.05 ? "+" : v < -0.05 ? "−" : "±";
  return `${sign}${dec1.format(Math.abs(v))} %`;
}

/** Percentage points between two fractions: 0.03 → "+3.0 pts". */
export function formatPoints(diff: number | null | undefined): string {
  if (diff == null || !Number.isFinite(diff)) return DASH;
  const v = diff * 100;
  const sign = v > 0.05 ? "+" : v < -0.05 ? "−" : "±";
  return `${sign}${dec1.format(Math.abs(v))} pts`;
}

/** Seconds as a compact duration: 622 → "10 min 22 s", 7260 → "2 h 01 min". */
export function formatDuration(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec)) return DASH;
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h === 0) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${intFmt.format(h)} h ${String(m).padStart(2, "0")} min`;
}

export function formatHours(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec)) return DASH;
  const h = sec / 3600;
  return `${h >= 100 ? intFmt.format(h) : dec1.format(h)} h`;
}

// Building an Intl.DateTimeFormat costs far more than using one (a CSV of a million rows
// formats a million dates), so formatters are kept per zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

function dateParts(d: Date, timeZone: string, withTime: boolean): Record<string, string> {
  const fmt = formatter(`${timeZone}|${withTime}`, () =>
    new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      year: "numeric",
      month: "short",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
    }),
  );
  return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
}

/** "09 Mar 2021" in the workspace time zone. */
export function formatDate(d: Date | string | null | undefined, timeZone: string): string {
  if (d == null) return DASH;
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return DASH;
  const p = dateParts(date, timeZone, false);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "09 Mar 2021, 12:37" in the workspace time zone. */
export function formatDateTime(d: Date | string | null | undefined, timeZone: string): string {
  if (d == null) return DASH;
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return DASH;
  const p = dateParts(date, timeZone, true);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** ISO-like local timestamp for CSV ("2021-03-09 12:37:11"), in the workspace time zone. */
export function formatCsvDateTime(d: Date | null | undefined, timeZone: string): string {
  if (d == null) return "";
  const parts = formatter(`csv|${timeZone}`, () =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }),
  ).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** A local calendar date (YYYY-MM-DD, as stored for rollups) shown as "09 Mar". */
export function formatDay(isoDay: string, withYear = false): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  const p = dateParts(d, "UTC", false);
  return withYear ? `${p.day} ${p.month} ${p.year}` : `${p.day} ${p.month}`;
}

export function personName(first: string | null | undefined, last: string | null | undefined, fallback = "Unnamed"): string {
  const n = [first, last].filter((x) => x && x.trim()).join(" ").trim();
  return n || fallback;
}
