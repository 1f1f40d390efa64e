import "server-only";
// CSV for report exports: RFC 4180 quoting, formula-injection guard (a cell starting with = + - @
// is prefixed with '), and a pull-based stream so rows are fetched only as fast as they are sent.
import { formatCsvDateTime, personName } from "@/lib/format";
import { COLUMN_LABELS, type ActivityColumn } from "@/lib/report-filters";
import type { ActivityRow } from "./activities";

export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | number | null | undefined)[]): string => `${cells.map(csvCell).join(",")}\r\n`;

const pct = (v: number | null) => (v == null ? "" : (Math.round(v * 1000) / 10).toFixed(1));

const HEADERS: Partial<Record<ActivityColumn, string>> = { score: "Score (%)", duration: "Time (s)", date: "Date" };

/** CSV columns for the chosen table columns; the activity ID is always included. */
export function csvColumns(cols: ActivityColumn[]): ActivityColumn[] {
  return cols.includes("id") ? cols : [...cols, "id"];
}

export function activityCsvHeader(cols: ActivityColumn[]): string {
  return csvLine(cols.map((c) => HEADERS[c] ?? COLUMN_LABELS[c]));
}

export function activityCsvLine(r: ActivityRow, cols: ActivityColumn[], timeZone: string): string {
  return csvLine(
    cols.map((c) => {
      switch (c) {
        case "date": return formatCsvDateTime(r.trainingDate, timeZone);
        case "trainee": return personName(r.firstName, r.lastName, r.traineeId ?? "");
        case "company": return r.company;
        case "traineeEmail": return r.traineeEmail;
        case "traineeProfile": return r.traineeProfile;
        case "collection": return r.collectionTitle;
        case "simulator": return r.simulatorTitle;
        case "scenario": return r.scenarioName ?? r.scenarioId;
        case "score": return pct(r.scorePct);
        case "result": return r.passed == null ? "" : r.passed ? "pass" : "fail";
        case "points": return r.totalPoints == null ? "" : `${r.totalPoints}/${r.totalMaxPoints ?? ""}`;
        case "duration": return r.totalSec;
        case "tries": return r.totalTries;
        case "tilts": return r.tilts;
        case "abandons": return r.abandons;
        case "instructor": return personName(r.userFirstName, r.userLastName, "");
        case "costCenter": return r.userCostCenter;
        case "account": return r.userAccountName;
        case "id": return r.id;
      }
    }),
  );
}

/** A streamed CSV response: `head` first, then each chunk the generator yields, encoded as it goes. */
export function csvResponse(filename: string, head: string, chunks: AsyncGenerator<string>, onDone?: (rows: number) => void): Response {
  const enc = new TextEncoder();
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        // A BOM so spreadsheet programs read the UTF-8 names correctly.
        controller.enqueue(enc.encode(`\uFEFF${head}`));
        return;
      }
      const next = await chunks.next();
      if (next.done) {
        controller.close();
        onDone?.(0);
        return;
      }
      controller.enqueue(enc.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]+/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
