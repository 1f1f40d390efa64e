// Breakdowns: the period's sessions by collection → simulator → scenario (drill-down), by company,
// by cost centre and by instructor, with score, pass rate, time, tilts and abandons per session.
import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/reports/filter-bar";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportLive } from "@/components/reports/report-live";
import { RateBar } from "@/components/reports/score";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { formatDay, formatDecimal, formatDuration, formatInt, formatPct } from "@/lib/format";
import {
  BREAKDOWN_LABELS,
  breakdownFiltersSchema,
  filtersToSearch,
  parseFiltersLenient,
  reportHref,
  resolveRange,
  type BreakdownFilters,
} from "@/lib/report-filters";
import { requireMember } from "@/server/auth/guards";
import { getBreakdown, type BreakdownRow } from "@/server/data/reports/breakdowns";
import { getFilterOptions } from "@/server/data/reports/filter-options";
import { authorizedReport } from "@/components/reports/authorized-report";

export const metadata: Metadata = { title: "Breakdowns" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABS = [
  ["collection", "Collections"],
  ["company", "Companies"],
  ["costCenter", "Cost centres"],
  ["instructor", "Instructors"],
] as const;

const SORTS: [BreakdownFilters["bsort"], string, boolean][] = [
  ["name", "Name", false],
  ["sessions", "Sessions", true],
  ["trainees", "Trainees", true],
  ["score", "Avg score", true],
  ["pass", "Pass rate", true],
  ["time", "Total time", true],
];

async function BreakdownsReport({ params, searchParams }: Props) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const f = parseFiltersLenient(breakdownFiltersSchema, await searchParams);
  const ctx = member.scope;
  const path = `/w/${slug}/breakdowns`;
  const href = (patch: Partial<BreakdownFilters>) => {
    const qs = filtersToSearch(breakdownFiltersSchema, { ...f, ...patch }).toString();
    return qs ? `${path}?${qs}` : path;
  };
  const range = resolveRange(f, ctx.timeZone);
  const [options, data] = await Promise.all([getFilterOptions(ctx.workspaceId), getBreakdown(ctx, f)]);
  const collection = options.collections.find((c) => c.id === f.collection);
  const simulator = options.simulators.find((s) => s.id === f.simulator);
  const drill = f.by === "collection" || f.by === "simulator" || f.by === "scenario";
  const period = { range: f.range, from: f.from, to: f.to, company: f.company, costCenter: f.costCenter, instructor: f.instructor };
  const activitiesFor = (row: BreakdownRow) => {
    const base = { ...period, collection: f.collection, simulator: f.simulator };
    switch (f.by) {
      case "collection": return reportHref(`/w/${slug}/activities`, { ...base, collection: Number(row.key) });
      case "simulator": return reportHref(`/w/${slug}/activities`, { ...base, simulator: Number(row.key) });
      case "scenario": return reportHref(`/w/${slug}/activities`, { ...base, scenario: row.key });
      case "company": return reportHref(`/w/${slug}/activities`, { ...base, company: row.key || undefined });
      case "costCenter": return reportHref(`/w/${slug}/activities`, { ...base, costCenter: row.key || undefined });
      case "instructor": return reportHref(`/w/${slug}/activities`, { ...base, instructor: row.key || undefined });
    }
  };
  const drillHref = (row: BreakdownRow) =>
    f.by === "collection" ? href({ by: "simulator", collection: Number(row.key), simulator: undefined }) : f.by === "simulator" ? href({ by: "scenario", simulator: Number(row.key) }) : null;
  return (
    <>
      <ReportHeader
        live={slug}
        title="Breakdowns"
        subtitle={`${BREAKDOWN_LABELS[f.by]} · ${formatDay(range.from, true)} – ${formatDay(range.to, true)} (${ctx.timeZone})`}
        actions={
          <Link href={`/w/${slug}/reports/senar-users`} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
            Senar users report →
          </Link>
        }
      />
      <ReportLive slug={slug} scope={ctx} />
      <nav aria-label="Break down by" className="no-print mb-4 flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 text-sm">
        {TABS.map(([by, label]) => {
          const active = by === "collection" ? drill : f.by === by;
          return (
            <Link
              key={by}
              href={href({ by, collection: undefined, simulator: undefined })}
              aria-current={active ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 font-medium ${active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
            >
              {label}
            </Link>
          );
        })}
      </nav>
      <FilterBar
        action={path}
        values={f}
        options={options}
        fields={["range", "company", "costCenter", "instructor"]}
        hidden={{ by: f.by, collection: f.collection?.toString(), simulator: f.simulator?.toString(), bsort: f.bsort === "sessions" ? undefined : f.bsort }}
        resetHref={path}
      />
      {drill && (
        <nav aria-label="Drill-down" className="mb-3 text-sm">
          <ol className="flex flex-wrap items-center gap-1.5 text-slate-600">
            <li><Link className="text-brand-700 hover:underline" href={href({ by: "collection", collection: undefined, simulator: undefined })}>All collections</Link></li>
            {f.collection !== undefined && (
              <li className="flex items-center gap-1.5">
                <span aria-hidden>›</span>
                <Link className="text-brand-700 hover:underline" href={href({ by: "simulator", simulator: undefined })} aria-current={f.by === "simulator" ? "page" : undefined}>
                  {collection?.title ?? `Collection ${f.collection}`}
                </Link>
              </li>
            )}
            {f.simulator !== undefined && (
              <li className="flex items-center gap-1.5">
                <span aria-hidden>›</span>
                <span aria-current="page" className="font-medium text-slate-900">{simulator?.title ?? `Simulator ${f.simulator}`}</span>
              </li>
            )}
          </ol>
        </nav>
      )}
      {data.rows.length === 0 ? (
        <EmptyState title="No sessions in this period">Widen the period or remove a filter.</EmptyState>
      ) : (
        <TableFrame label={`Breakdown by ${BREAKDOWN_LABELS[f.by]}`}>
          <Table>
            <caption className="sr-only">Sessions by {BREAKDOWN_LABELS[f.by].toLowerCase()}</caption>
            <thead>
              <tr>
                {SORTS.map(([key, label, numeric], i) => (
                  <Th key={key} numeric={numeric} aria-sort={f.bsort === key ? (key === "name" || key === "score" || key === "pass" ? "ascending" : "descending") : "none"}>
                    <Link scroll={false} href={href({ bsort: key })} className={`hover:text-slate-900 ${f.bsort === key ? "text-slate-900" : ""}`}>
                      {i === 0 ? BREAKDOWN_LABELS[f.by] : label}
                      <span aria-hidden className={`ml-1 ${f.bsort === key ? "text-brand-700" : "text-slate-500"}`}>{f.bsort === key ? (key === "name" || key === "score" || key === "pass" ? "▲" : "▼") : "↕"}</span>
                    </Link>
                  </Th>
                ))}
                <Th numeric>Avg time</Th>
                <Th numeric>Tilts / session</Th>
                <Th numeric>Abandons / session</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => {
                const down = drillHref(r);
                return (
                  <tr key={r.key} data-key={r.key} className="hover:bg-slate-50">
                    <Td>
                      <div className="flex flex-col">
                        {down ? (
                          <Link href={down} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{r.label}<span aria-hidden className="text-slate-500"> ›</span></Link>
                        ) : (
                          <Link href={activitiesFor(r)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{r.label || "(none)"}</Link>
                        )}
                        {r.sub && <span className="text-xs text-slate-600">{r.sub}</span>}
                      </div>
                    </Td>
                    <Td numeric>{formatInt(r.sessions)}</Td>
                    <Td numeric>{formatInt(r.trainees)}</Td>
                    <Td numeric>{formatPct(r.averageScore)}</Td>
                    <Td numeric>
                      <span className="inline-flex items-center gap-2">
                        <RateBar value={r.passRate} tone={r.passRate != null && r.passRate < 0.6 ? "rose" : r.passRate != null && r.passRate < 0.75 ? "amber" : "brand"} />
                        {formatPct(r.passRate)}
                      </span>
                    </Td>
                    <Td numeric>{formatDecimal(r.trainingHours)} h</Td>
                    <Td numeric>{formatDuration(r.averageSec)}</Td>
                    <Td numeric>{formatDecimal(r.tiltsPerSession, 2)}</Td>
                    <Td numeric>{formatDecimal(r.abandonsPerSession, 2)}</Td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="bg-slate-50 font-medium">
                <Th scope="row" className="normal-case">All</Th>
                <Td numeric>{formatInt(data.total.sessions)}</Td>
                <Td numeric>{formatInt(data.total.trainees)}</Td>
                <Td numeric>{formatPct(data.total.averageScore)}</Td>
                <Td numeric>{formatPct(data.total.passRate)}</Td>
                <Td numeric>{formatDecimal(data.total.trainingHours)} h</Td>
                <Td numeric>{formatDuration(data.total.averageSec)}</Td>
                <Td numeric>{formatDecimal(data.total.tiltsPerSession, 2)}</Td>
                <Td numeric>{formatDecimal(data.total.abandonsPerSession, 2)}</Td>
              </tr>
            </tfoot>
          </Table>
        </TableFrame>
      )}
    </>
  );
}

export default authorizedReport(BreakdownsReport);
