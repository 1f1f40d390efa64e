// Activities explorer: every filter, a sortable server-paged table, a column picker and a CSV
// export of exactly the filtered set. All state lives in the URL.
import type { Metadata } from "next";
import { ActivityTable } from "@/components/reports/activity-table";
import { FilterBar } from "@/components/reports/filter-bar";
import { Pagination } from "@/components/reports/pagination";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportLive } from "@/components/reports/report-live";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay, formatInt } from "@/lib/format";
import { DEFAULT_COLUMNS, parseReportFilters, reportHref, reportSearch, resolveRange } from "@/lib/report-filters";
import { requireMember } from "@/server/auth/guards";
import { listActivities } from "@/server/data/reports/activities";
import { getFilterOptions } from "@/server/data/reports/filter-options";
import { authorizedReport } from "@/components/reports/authorized-report";

export const metadata: Metadata = { title: "Activities" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function ActivitiesReport({ params, searchParams }: Props) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const f = parseReportFilters(await searchParams);
  const ctx = member.scope;
  const path = `/w/${slug}/activities`;
  const columns = f.cols ?? DEFAULT_COLUMNS;
  const range = resolveRange(f, ctx.timeZone);
  const [options, page] = await Promise.all([getFilterOptions(ctx.workspaceId), listActivities(ctx, f)]);
  const exportQs = reportSearch({ ...f, page: undefined, size: undefined }).toString();
  const csvHref = `/api/w/${slug}/exports/activities.csv${exportQs ? `?${exportQs}` : ""}`;
  return (
    <>
      <ReportHeader
        live={slug}
        title="Activities"
        subtitle={
          <>
            {formatInt(page.total)}
            {page.capped ? "+" : ""} sessions · {formatDay(range.from, true)} – {formatDay(range.to, true)} ({ctx.timeZone})
          </>
        }
        actions={
          <a href={csvHref} download className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Export CSV
          </a>
        }
      />
      <ReportLive slug={slug} scope={ctx} />
      <FilterBar
        action={path}
        values={f}
        options={options}
        fields={["range", "collection", "simulator", "scenario", "instructor", "company", "costCenter", "result", "q"]}
        hidden={{ sort: f.sort === "date" ? undefined : f.sort, dir: f.dir === "desc" ? undefined : f.dir, size: f.size === 50 ? undefined : String(f.size) }}
        columns={columns}
        resetHref={path}
      />
      {page.rows.length === 0 ? (
        <EmptyState title="No sessions match these filters">Widen the period or remove a filter.</EmptyState>
      ) : (
        <>
          <ActivityTable rows={page.rows} columns={columns} f={f} slug={slug} timeZone={ctx.timeZone} path={path} />
          <Pagination page={page.page} pages={page.pages} total={page.total} capped={page.capped} size={f.size} noun="sessions" hrefFor={(p) => reportHref(path, f, { page: p })} />
        </>
      )}
    </>
  );
}

export default authorizedReport(ActivitiesReport);
