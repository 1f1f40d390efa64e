// Trainees: search by name, e-mail or ID, with sessions, scenarios passed and last session.
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Pagination } from "@/components/reports/pagination";
import { ReportHeader } from "@/components/reports/report-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { DASH, formatDate, formatHours, formatInt } from "@/lib/format";
import { requireMember } from "@/server/auth/guards";
import { getFilterOptions } from "@/server/data/reports/filter-options";
import { listTrainees } from "@/server/data/reports/trainees";
import { authorizedReport } from "@/components/reports/authorized-report";

export const metadata: Metadata = { title: "Trainees" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;
const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-2 focus:outline-brand-600";

async function TraineesReport({ params, searchParams }: Props) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const sp = await searchParams;
  const q = one(sp.q);
  const company = one(sp.company);
  const page = Math.max(1, Math.min(100_000, Number.parseInt(one(sp.page) ?? "1", 10) || 1));
  const ctx = member.scope;
  const [options, list] = await Promise.all([getFilterOptions(ctx.workspaceId), listTrainees(ctx, { q, company, page })]);
  const path = `/w/${slug}/trainees`;
  const hrefFor = (p: number) => {
    const qs = new URLSearchParams();
    if (q) qs.set("q", q);
    if (company) qs.set("company", company);
    if (p > 1) qs.set("page", String(p));
    const s = qs.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <>
      <ReportHeader title="Trainees" subtitle={`${formatInt(list.total)} trainees${q || company ? " match" : ""}`} />
      <Form action={path} className="no-print mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Search trainees">
        <div className="min-w-64 flex-1">
          <label htmlFor="t-q" className="block text-xs font-medium text-slate-700">Name, e-mail or ID</label>
          <input id="t-q" type="search" name="q" defaultValue={q} className={input} placeholder="e.g. Natalia Brown" />
        </div>
        <div className="w-56">
          <label htmlFor="t-company" className="block text-xs font-medium text-slate-700">Company</label>
          <select id="t-company" name="company" defaultValue={company ?? ""} className={input}>
            <option value="">All companies</option>
            {options.companies.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">Search</button>
        {(q || company) && <Link href={path} className="px-2 py-2 text-sm font-medium text-slate-700 hover:underline">Clear</Link>}
      </Form>
      {list.rows.length === 0 ? (
        <EmptyState title={q || company ? "No trainee matches" : "No trainees yet"}>
          {q || company ? "Try part of the name, or another company." : "Trainees appear once sessions are synced from Senar."}
        </EmptyState>
      ) : (
        <>
          <TableFrame label="Trainees">
            <Table>
              <caption className="sr-only">Trainees</caption>
              <thead>
                <tr>
                  <Th>Trainee</Th>
                  <Th>Company</Th>
                  <Th>Profile</Th>
                  <Th numeric>Sessions</Th>
                  <Th numeric>Scenarios passed</Th>
                  <Th numeric>Time trained</Th>
                  <Th numeric>Last session</Th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((t) => (
                  <tr key={t.id} className="hover:bg-slate-50">
                    <Td>
                      <Link href={`${path}/${encodeURIComponent(t.id)}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{t.name}</Link>
                      {t.email && <span className="block text-xs text-slate-600">{t.email}</span>}
                    </Td>
                    <Td>{t.company || DASH}</Td>
                    <Td>{t.profile || DASH}</Td>
                    <Td numeric>{formatInt(t.sessions)}</Td>
                    <Td numeric>{formatInt(t.scenariosPassed)}</Td>
                    <Td numeric>{formatHours(t.totalSec)}</Td>
                    <Td numeric>{formatDate(t.lastSession, ctx.timeZone)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableFrame>
          <Pagination page={page} pages={list.pages} total={list.total} size={50} noun="trainees" hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}

export default authorizedReport(TraineesReport);
