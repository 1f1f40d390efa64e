import "server-only";
// The one CSV writer, used by every export (API activities.csv, the portal's activities and
// matrix exports), so they share one set of rules:
// - RFC 4180 quoting: a cell holding `"` `,` `;` CR or LF is quoted (`;` because spreadsheets
//   in comma-decimal locales split on it);
// - formula injection (OWASP): a text cell starting with = + - @ tab or CR gets a leading `'`
//   unless the whole cell is a number, so `-12.5` stays a number and `-2+3+cmd|…` is inert;
// - UTF-8, CRLF; the portal's exports (opened in spreadsheets) start with a BOM so Excel reads
//   accented names right; the API's do not, so scripts see `id` as the first header, not `\uFEFFid`;
// - file names `<workspace>-<report>-<date>.csv`, the date being the export's local day.
// Rows are pulled from the source only as fast as the client reads them (memory: one chunk).
import { todayIn } from "@/lib/report-filters";

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A score fraction as a percentage cell with one decimal (0.8123 → "81.2"); empty when unknown. */
export const csvPercent = (v: number | null): string => (v == null ? "" : (Math.round(v * 1000) / 10).toFixed(1));

export const csvLine = (cells: readonly CsvValue[]): string => `${cells.map(csvCell).join(",")}\r\n`;

/** `<workspace>-<report>-<YYYY-MM-DD>.csv`, safe in a Content-Disposition header. */
export function csvFilename(workspaceSlug: string, report: string, timeZone: string, now = new Date()): string {
  return `${workspaceSlug}-${report}-${todayIn(timeZone, now)}.csv`.replace(/[^\w.-]+/g, "_");
}

/**
 * A streamed CSV response: the header line (after a BOM for spreadsheets), then the lines of each chunk `rows` yields.
 * A failure mid-stream aborts the download (the client sees a cut file, never a silent end).
 */
export function csvResponse<T>(
  filename: string,
  header: readonly CsvValue[],
  rows: AsyncIterable<T[]>,
  line: (row: T) => string,
  opts: { for: "spreadsheet" | "script" } = { for: "spreadsheet" },
): Response {
  const bom = opts.for === "spreadsheet" ? "\uFEFF" : "";
  const enc = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(`${bom}${csvLine(header)}`));
    },
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value.map(line).join("")));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
