import "server-only";
// The explorer's CSV columns: what each table column (lib/report-filters ActivityColumn) puts
// in a cell. Plain columns name their activity field (server/db/activity-fields.ts); the others combine
// fields as the table shows them. The CSV format itself is server/http/csv.ts.
import { formatCsvDateTime, personName } from "@/lib/format";
import { COLUMN_LABELS, type ActivityColumn } from "@/lib/report-filters";
import { csvLine, csvPercent, type CsvValue } from "@/server/http/csv";
import type { ActivityField, ReportActivity, FieldsOfKind } from "@/server/db/activity-fields";

// A plain column is any field but a timestamp (times are formatted in the workspace's zone).
type CsvColumn = { header?: string } & ({ field: Exclude<ActivityField, FieldsOfKind<"timestamp">> } | { value: (r: ReportActivity, timeZone: string) => CsvValue });

const COLUMNS: Record<ActivityColumn, CsvColumn> = {
  date: { header: "Date", value: (r, tz) => formatCsvDateTime(r.trainingDate, tz) },
  trainee: { value: (r) => personName(r.firstName, r.lastName, r.traineeId ?? "") },
  company: { field: "company" },
  traineeEmail: { field: "traineeEmail" },
  traineeProfile: { field: "traineeProfile" },
  collection: { field: "collectionTitle" },
  simulator: { field: "simulatorTitle" },
  scenario: { value: (r) => r.scenarioName ?? r.scenarioId },
  score: { header: "Score (%)", value: (r) => csvPercent(r.scorePct) },
  result: { value: (r) => (r.passed == null ? "" : r.passed ? "pass" : "fail") },
  points: { value: (r) => (r.totalPoints == null ? "" : `${r.totalPoints}/${r.totalMaxPoints ?? ""}`) },
  duration: { header: "Time (s)", field: "totalSec" },
  tries: { field: "totalTries" },
  tilts: { field: "tilts" },
  abandons: { field: "abandons" },
  instructor: { value: (r) => personName(r.userFirstName, r.userLastName, "") },
  costCenter: { field: "userCostCenter" },
  account: { field: "userAccountName" },
  id: { field: "id" },
};

/** CSV columns for the chosen table columns; the activity ID is always included. */
export function csvColumns(cols: ActivityColumn[]): ActivityColumn[] {
  return cols.includes("id") ? cols : [...cols, "id"];
}

export const activityCsvHeader = (cols: ActivityColumn[]): string[] => cols.map((c) => COLUMNS[c].header ?? COLUMN_LABELS[c]);

export function activityCsvLine(r: ReportActivity, cols: ActivityColumn[], timeZone: string): string {
  return csvLine(
    cols.map((c) => {
      const col = COLUMNS[c];
      return "field" in col ? r[col.field] : col.value(r, timeZone);
    }),
  );
}
