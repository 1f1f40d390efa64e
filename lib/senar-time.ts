// The one rule for Senar timestamps: they come without a time zone ("2022-09-07T06:25:23.9014976")
// and are read as UTC, whatever the server's TZ. `new Date(s)` would read them as local time.
const SENAR_TS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses a Senar timestamp as UTC (an explicit offset, if present, is honoured). */
export function parseSenarTimestamp(value: string): Date | null {
  const m = SENAR_TS.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone] = m;
  const ms = Number((frac + "000").slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(t);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return null; // 2023-02-30 or 25:00 is not a date
  }
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    t -= sign * (zh * 60 + zm) * 60_000;
  }
  return new Date(t);
}

/** Formats a Date in Senar's own style (UTC, no zone, 7 fractional digits). */
export function formatSenarTimestamp(date: Date, extraFraction = "0000"): string {
  return date.toISOString().replace("Z", "") + extraFraction;
}
