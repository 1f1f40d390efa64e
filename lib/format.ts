// Display formatting for reports: numbers, percentages, durations, and dates in the workspace's
// time zone (never the server's or the browser's). "—" stands for "no value", never 0.
// Locale-aware: `formatters(locale)` gives the set for one language ("1 187" and "85,6 %" in
// French, "1.187" in German); the plain exports below are the English set (en = en-GB, as
// before), kept so pages not yet translated keep working. CSV stays locale-free (formatCsvDateTime).
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";

export const DASH = "—";

/** The Intl tag behind each portal language: English follows British conventions (24 h, day first). */
const INTL_TAG: Record<Locale, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE", es: "es-ES" };
/** Percentage points, abbreviated as each language's reports write them. */
const POINTS: Record<Locale, string> = { en: "pts", fr: "pts", de: "Pp.", es: "p. p." };

// Building an Intl formatter costs far more than using one (a CSV of a million rows formats a
// million dates), so every formatter is kept per locale, zone and style.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** ISO weekday the week starts on (1 = Monday, 7 = Sunday); all four portal languages start on Monday. */
export function firstDayOfWeek(locale: Locale): number {
  type WeekInfoLocale = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  const l = new Intl.Locale(INTL_TAG[locale]) as WeekInfoLocale;
  return l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay ?? 1;
}

function make(locale: Locale) {
  const tag = INTL_TAG[locale];
  const en = locale === "en";
  // English keeps its historic plain space; the others bind the sign to the number.
  const pctSep = en ? " " : "\u00a0";
  const intFmt = memo(`${tag}|int`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }));
  const dec1 = memo(`${tag}|d1`, () => new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const dec2 = memo(`${tag}|d2`, () => new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

  const dateFmt = (timeZone: string, withTime: boolean, withYear = true) =>
    memo(`${tag}|${timeZone}|${withTime}|${withYear}`, () =>
      new Intl.DateTimeFormat(tag, {
        timeZone,
        ...(withYear ? { year: "numeric" as const } : {}),
        month: "short",
        day: "2-digit",
        ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
      }),
    );
  const parts = (d: Date, timeZone: string, withTime: boolean): Record<string, string> =>
    Object.fromEntries(dateFmt(timeZone, withTime).formatToParts(d).map((p) => [p.type, p.value]));
  const toDate = (d: Date | string): Date | null => {
    const date = typeof d === "string" ? new Date(d) : d;
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const signed = (v: number) => (v > 0.05 ? "+" : v < -0.05 ? "−" : "±");

  return {
    locale,
    formatInt(n: number | null | undefined): string {
      return n == null || !Number.isFinite(n) ? DASH : intFmt.format(n);
    },
    formatDecimal(n: number | null | undefined, digits: 1 | 2 = 1): string {
      if (n == null || !Number.isFinite(n)) return DASH;
      return (digits === 1 ? dec1 : dec2).format(n);
    },
    /** A fraction as a percent: 0.834 → "83.4 %" / "83,4 %" (one decimal by default, "83 %" with digits 0). */
    formatPct(fraction: number | null | undefined, digits: 0 | 1 = 1): string {
      if (fraction == null || !Number.isFinite(fraction)) return DASH;
      const v = fraction * 100;
      return `${digits === 0 ? intFmt.format(Math.round(v)) : dec1.format(v)}${pctSep}%`;
    },
    /** Signed relative change for KPI deltas: 0.125 → "+12.5 %". */
    formatChange(fraction: number | null | undefined): string {
      if (fraction == null || !Number.isFinite(fraction)) return DASH;
      const v = fraction * 100;
      return `${signed(v)}${dec1.format(Math.abs(v))}${pctSep}%`;
    },
    /** Percentage points between two fractions: 0.03 → "+3.0 pts" / "+3,0 Pp.". */
    formatPoints(diff: number | null | undefined): string {
      if (diff == null || !Number.isFinite(diff)) return DASH;
      const v = diff * 100;
      return `${signed(v)}${dec1.format(Math.abs(v))}${pctSep}${POINTS[locale]}`;
    },
    /** Seconds as a compact duration: 622 → "10 min 22 s", 7260 → "2 h 01 min" (SI symbols in every language). */
    formatDuration(sec: number | null | undefined): string {
      if (sec == null || !Number.isFinite(sec)) return DASH;
      const s = Math.round(sec);
      if (s < 60) return `${s} s`;
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      if (h === 0) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
      return `${intFmt.format(h)} h ${String(m).padStart(2, "0")} min`;
    },
    formatHours(sec: number | null | undefined): string {
      if (sec == null || !Number.isFinite(sec)) return DASH;
      const h = sec / 3600;
      return `${h >= 100 ? intFmt.format(h) : dec1.format(h)} h`;
    },
    /** "09 Mar 2021" / "09 mars 2021" / "09. März 2021" in the workspace time zone. */
    formatDate(d: Date | string | null | undefined, timeZone: string): string {
      const date = d == null ? null : toDate(d);
      if (!date) return DASH;
      if (!en) return dateFmt(timeZone, false).format(date);
      const p = parts(date, timeZone, false);
      return `${p.day} ${p.month} ${p.year}`;
    },
    /** "09 Mar 2021, 12:37" (or the language's own order) in the workspace time zone. */
    formatDateTime(d: Date | string | null | undefined, timeZone: string): string {
      const date = d == null ? null : toDate(d);
      if (!date) return DASH;
      if (!en) return dateFmt(timeZone, true).format(date);
      const p = parts(date, timeZone, true);
      return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
    },
    /** A local calendar date (YYYY-MM-DD, as stored for rollups) shown as "09 Mar". */
    formatDay(isoDay: string, withYear = false): string {
      const d = new Date(`${isoDay}T00:00:00Z`);
      if (!en) return dateFmt("UTC", false, withYear).format(d);
      const p = parts(d, "UTC", false);
      return withYear ? `${p.day} ${p.month} ${p.year}` : `${p.day} ${p.month}`;
    },
  };
}

export type Formatters = ReturnType<typeof make>;
const sets = new Map<Locale, Formatters>();

/** The formatters of one portal language (an unknown value gets English); cached per language. */
export function formatters(locale: string = DEFAULT_LOCALE): Formatters {
  const l = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let set = sets.get(l);
  if (!set) sets.set(l, (set = make(l)));
  return set;
}

// The English set under the historic names, for callers not yet translated.
const en = formatters("en");
export const { formatInt, formatDecimal, formatPct, formatChange, formatPoints, formatDuration, formatHours, formatDate, formatDateTime, formatDay } = en;

/** ISO-like local timestamp for CSV ("2021-03-09 12:37:11"), in the workspace time zone, in every language. */
export function formatCsvDateTime(d: Date | null | undefined, timeZone: string): string {
  if (d == null) return "";
  const fmt = memo(`csv|${timeZone}`, () =>
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
  );
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function personName(first: string | null | undefined, last: string | null | undefined, fallback = "Unnamed"): string {
  const n = [first, last].filter((x) => x && x.trim()).join(" ").trim();
  return n || fallback;
}
