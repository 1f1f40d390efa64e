// Competency matrix: who passed which scenario of a collection, at a glance. Trainees × scenarios,
// best score per cell, coloured and labelled passed / attempted / not attempted.
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { MatrixLegend, MatrixTable } from "@/components/reports/matrix-table";
import { Pagination } from "@/components/reports/pagination";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportLive } from "@/components/reports/report-live";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInt, formatPct } from "@/lib/format";
import { filtersToSearch, matrixFiltersSchema, parseFiltersLenient, type MatrixFilters } from "@/lib/report-filters";
import { requireMember } from "@/server/auth/guards";
import { firstCollectionId, getMatrix } from "@/server/data/reports/matrix";
import { getFilterOptions } from "@/server/data/reports/filter-options";
import { authorizedReport } from "@/components/reports/authorized-report";

export const metadata: Metadata = { title: "Competency matrix" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-2 focus:outline-brand-600";
const label = "block text-xs font-medium text-slate-700";

async function MatrixReport({ params, searchParams }: Props) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const f = parseFiltersLenient(matrixFiltersSchema, await searchParams);
  const ctx = member.scope;
  const path = `/w/${slug}/matrix`;
  const options = await getFilterOptions(ctx.workspaceId);
  // An unknown collection (stale link) falls back to the first one, like a missing one.
  const known = options.collections.some((c) => c.id === f.collection);
  const collectionId = known ? f.collection! : (options.collections[0]?.id ?? (await firstCollectionId(ctx.workspaceId)));
  if (collectionId == null) {
    return (
      <>
        <ReportHeader title="Competency matrix" />
        <EmptyState title="No collections yet">The matrix fills in once sessions are synced from Senar.</EmptyState>
      </>
    );
  }
  const m = await getMatrix(ctx, f, collectionId);
  const href = (patch: Partial<MatrixFilters>) => {
    const qs = filtersToSearch(matrixFiltersSchema, { ...f, collection: collectionId, ...patch }).toString();
    return qs ? `${path}?${qs}` : path;
  };
  const csvQs = filtersToSearch(matrixFiltersSchema, { ...f, collection: collectionId, page: undefined, size: undefined }).toString();
  const pageRowsPassedAll = m.rows.filter((r) => m.columns.length > 0 && r.passed === m.columns.length).length;
  return (
    <>
      <ReportHeader
        live={slug}
        title="Competency matrix"
        subtitle={
          <>
            {m.collection?.title ?? `Collection ${collectionId}`} · {formatInt(m.total)} trainees × {formatInt(m.columns.length)} scenarios · pass mark{" "}
            {formatPct(ctx.passMark, 0)} unless a scenario sets its own
          </>
        }
        actions={
          <a href={`/api/w/${slug}/exports/matrix.csv?${csvQs}`} download className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Export CSV
          </a>
        }
      />
      <ReportLive slug={slug} scope={ctx} />
      <Form action={path} aria-label="Matrix filters" className="no-print mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <div>
            <label htmlFor="m-collection" className={label}>Collection</label>
            <select id="m-collection" name="collection" defaultValue={String(collectionId)} className={input}>
              {options.collections.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="m-company" className={label}>Company</label>
            <select id="m-company" name="company" defaultValue={f.company ?? ""} className={input}>
              <option value="">All companies</option>
              {options.companies.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="m-costCenter" className={label}>Cost centre</label>
            <select id="m-costCenter" name="costCenter" defaultValue={f.costCenter ?? ""} className={input}>
              <option value="">All cost centres</option>
              {options.costCenters.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="m-q" className={label}>Trainee</label>
            <input id="m-q" type="search" name="q" defaultValue={f.q ?? ""} placeholder="Name, e-mail or ID" className={input} />
          </div>
          <div>
            <label htmlFor="m-sort" className={label}>Order</label>
            <select id="m-sort" name="sort" defaultValue={f.sort} className={input}>
              <option value="name">By name</option>
              <option value="passed">Most scenarios passed</option>
            </select>
          </div>
          <div>
            <label htmlFor="m-size" className={label}>Rows per page</label>
            <select id="m-size" name="size" defaultValue={String(f.size)} className={input}>
              {[50, 100, 200].map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="all" value="1" defaultChecked={f.all === "1"} className="accent-brand-600" />
            Include trainees with no attempt in this collection
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
          <Link href={path} className="text-sm font-medium text-slate-700 hover:underline">Reset</Link>
        </div>
      </Form>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <MatrixLegend />
        {m.rows.length > 0 && (
          <p className="text-xs text-slate-600">
            On this page: {formatInt(pageRowsPassedAll)} of {formatInt(m.rows.length)} trainees passed every scenario.
          </p>
        )}
      </div>
      {m.columns.length === 0 || m.rows.length === 0 ? (
        <EmptyState title={m.columns.length === 0 ? "This collection has no scenarios yet" : "No trainee matches"}>
          {m.columns.length === 0 ? "Scenarios appear once sessions on them are synced." : "Remove a filter, or include trainees with no attempt."}
        </EmptyState>
      ) : (
        <>
          <MatrixTable m={m} slug={slug} timeZone={ctx.timeZone} />
          <Pagination page={m.page} pages={m.pages} total={m.total} size={f.size} noun="trainees" hrefFor={(p) => href({ page: p })} />
        </>
      )}
    </>
  );
}

export default authorizedReport(MatrixReport, 16);
