// The activities table: the chosen columns, sortable headers (links), scores with their result.
import Link from "next/link";
import { SortTh, Table, TableFrame, Td, Th } from "@/components/ui/table";
import { DASH, formatDateTime, formatDuration, formatInt, personName } from "@/lib/format";
import { COLUMN_LABELS, reportHref, type ActivityColumn, type ReportFilters, type SortKey } from "@/lib/report-filters";
import type { ReportActivity } from "@/server/data/reports/activities";
import { ResultBadge } from "./score";
import { formatPct } from "@/lib/format";

const SORTABLE: Partial<Record<ActivityColumn, SortKey>> = {
  date: "date", trainee: "trainee", company: "company", scenario: "scenario", score: "score", duration: "duration", tries: "tries", instructor: "instructor",
};
const NUMERIC = new Set<ActivityColumn>(["score", "points", "duration", "tries", "tilts", "abandons", "id"]);

function cell(c: ActivityColumn, r: ReportActivity, slug: string, tz: string) {
  switch (c) {
    case "date": return <span className="whitespace-nowrap">{formatDateTime(r.trainingDate, tz)}</span>;
    case "trainee":
      return r.traineeId ? (
        <Link href={`/w/${slug}/trainees/${encodeURIComponent(r.traineeId)}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {personName(r.firstName, r.lastName, r.traineeId)}
        </Link>
      ) : personName(r.firstName, r.lastName, DASH);
    case "company": return r.company || DASH;
    case "traineeEmail": return r.traineeEmail || DASH;
    case "traineeProfile": return r.traineeProfile || DASH;
    case "collection": return r.collectionTitle || DASH;
    case "simulator": return r.simulatorTitle || DASH;
    case "scenario": return r.scenarioName || r.scenarioId || DASH;
    case "score": return <span className="tabular-nums">{formatPct(r.scorePct)}</span>;
    case "result": return <ResultBadge passed={r.passed} />;
    case "points": return r.totalPoints == null ? DASH : `${formatInt(r.totalPoints)} / ${formatInt(r.totalMaxPoints)}`;
    case "duration": return <span className="whitespace-nowrap">{formatDuration(r.totalSec)}</span>;
    case "tries": return formatInt(r.totalTries);
    case "tilts": return formatInt(r.tilts);
    case "abandons": return formatInt(r.abandons);
    case "instructor": return personName(r.userFirstName, r.userLastName, DASH);
    case "costCenter": return r.userCostCenter || DASH;
    case "account": return r.userAccountName || DASH;
    case "id": return r.id;
  }
}

export function ActivityTable({ rows, columns, f, slug, timeZone, path }: { rows: ReportActivity[]; columns: ActivityColumn[]; f: ReportFilters; slug: string; timeZone: string; path: string }) {
  return (
    <TableFrame label="Activities">
      <Table>
        <caption className="sr-only">Activities matching the filters, sorted by {f.sort} {f.dir === "asc" ? "ascending" : "descending"}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const key = SORTABLE[c];
              if (!key) return <Th key={c} numeric={NUMERIC.has(c)}>{COLUMN_LABELS[c]}</Th>;
              const active = f.sort === key;
              const nextDir = active ? (f.dir === "asc" ? "desc" : "asc") : key === "date" || key === "score" || key === "duration" || key === "tries" ? "desc" : "asc";
              return <SortTh key={c} label={COLUMN_LABELS[c]} active={active} dir={f.dir} numeric={NUMERIC.has(c)} href={reportHref(path, f, { sort: key, dir: nextDir })} />;
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              {columns.map((c) => (
                <Td key={c} numeric={NUMERIC.has(c)}>{cell(c, r, slug, timeZone)}</Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}
