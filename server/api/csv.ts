import "server-only";
// CSV for the API export: RFC 4180 quoting, UTF-8, CRLF line ends, one header row. Text that a
// spreadsheet would run as a formula (=, +, @, tab, CR, or "-" not starting a number) gets a
// leading apostrophe, the OWASP-recommended neutraliser.
const FORMULA = /^(?:[=+@\t\r]|-(?!\d))/;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  let s = String(v);
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => `${cells.map(csvCell).join(",")}\r\n`;

/** A streamed CSV response: the header, then each batch as it arrives (memory: one batch). */
export function csvResponse<T>(filename: string, header: string[], batches: AsyncIterable<T[]>, row: (r: T) => unknown[]): Response {
  const enc = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(csvLine(header)));
    },
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) {
          controller.close();
          return;
        }
        controller.enqueue(enc.encode(value.map((r) => csvLine(row(r))).join("")));
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
    },
  });
}
