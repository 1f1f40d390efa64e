// Senar users report: accounts by profile, country, language and account; registrations over
// time; sessions run per instructor in the period; instructors without a session in 30 days.
import type { Metadata } from "next";
import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { SimpleBarChart } from "@/components/charts/lazy";
import { FilterBar } from "@/components/reports/filter-bar";
import { ReportHeader } from "@/components/reports/report-header";
import { Section } from "@/components/reports/section";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { DASH, formatDate, formatInt } from "@/lib/format";
import { parseReportFilters, reportHref, resolveRange } from "@/lib/report-filters";
import { requireMember } from "@/server/auth/guards";
import { getFilterOptions } from "@/server/data/reports/filter-options";
import { getSenarUsersReport, type CountRow } from "@/server/data/reports/senar-users";
import { authorizedReport } from "@/components/reports/authorized-report";

export const metadata: Metadata = { title: "Senar users report" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Distribution({ title, rows, total }: { title: string; rows: CountRow[]; total: number }) {
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No users.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Senar users by {title.toLowerCase()}</caption>
          <thead className="sr-only">
            <tr><th scope="col">{title}</th><th scope="col">Users</th><th scope="col">Share</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, 10).map((r) => (
              <tr key={r.label}>
                <th scope="row" className="w-2/5 py-1 pr-2 text-left font-normal text-slate-800">{r.label}</th>
                <td className="py-1">
                  <span aria-hidden className="block h-2 rounded-full bg-brand-500" style={{ width: `${Math.max(2, (r.count / Math.max(1, rows[0]!.count)) * 100)}%` }} />
                </td>
                <td className="w-20 py-1 text-right tabular-nums">
                  {formatInt(r.count)} <span className="text-xs text-slate-500">({Math.round((r.count / Math.max(1, total)) * 100)} %)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

async function SenarUsersReportReport({ params, searchParams }: Props) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const f = parseReportFilters(await searchParams);
  const ctx = member.scope;
  const range = resolveRange(f, ctx.timeZone);
  const [options, r] = await Promise.all([getFilterOptions(ctx.workspaceId), getSenarUsersReport(ctx, range)]);
  const path = `/w/${slug}/reports/senar-users`;
  return (
    <>
      <ReportHeader
        title="Senar users report"
        subtitle={`${formatInt(r.total)} Senar users · sessions for ${range.label.toLowerCase()} (${ctx.timeZone})`}
        actions={<Link href={`/w/${slug}/senar-users`} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">User directory →</Link>}
      />
      <FilterBar action={path} values={f} options={options} fields={["range"]} resetHref={path} />
      {r.total === 0 && r.instructors.length === 0 ? (
        <EmptyState title="No Senar users yet">Users appear once this workspace is synced with Senar.</EmptyState>
      ) : (
        <div className="space-y-5">
          <div className="grid gap-5 md:grid-cols-2">
            <Distribution title="Profile" rows={r.byProfile} total={r.total} />
            <Distribution title="Country" rows={r.byCountry} total={r.total} />
            <Distribution title="Language" rows={r.byLanguage} total={r.total} />
            <Distribution title="Account" rows={r.byAccount} total={r.total} />
          </div>
          <Section title="Registrations over time" description="New Senar users per month (by their creation date).">
            {r.registrations.length === 0 ? (
              <p className="text-sm text-slate-600">No registration dates known.</p>
            ) : (
              <ChartFigure
                title="Registrations per month"
                chart={<SimpleBarChart name="Registrations" data={r.registrations.map((x) => ({ label: x.month, value: x.count }))} />}
                headers={["Month", "Registrations", "Total so far"]}
                rows={r.registrations.map((x) => [x.month, formatInt(x.count), formatInt(x.cumulative)])}
              />
            )}
          </Section>
          <div className="grid gap-5 xl:grid-cols-2">
            <Section title="Sessions per instructor" description={`Sessions run in the period: ${range.label.toLowerCase()}.`}>
              {r.instructors.length === 0 ? (
                <p className="text-sm text-slate-600">No sessions in this period.</p>
              ) : (
                <TableFrame label="Sessions per instructor" className="max-h-[32rem] overflow-y-auto">
                  <Table>
                    <caption className="sr-only">Sessions per instructor</caption>
                    <thead>
                      <tr><Th>Instructor</Th><Th>Cost centre</Th><Th numeric>Sessions</Th><Th numeric>Trainees</Th><Th numeric>Last session</Th></tr>
                    </thead>
                    <tbody>
                      {r.instructors.map((i) => (
                        <tr key={i.id} className="hover:bg-slate-50">
                          <Td>
                            <Link className="font-medium text-slate-900 hover:text-brand-700 hover:underline" href={reportHref(`/w/${slug}/activities`, { range: f.range, from: f.from, to: f.to, instructor: i.id })}>{i.name}</Link>
                          </Td>
                          <Td>{i.costCenter || DASH}</Td>
                          <Td numeric>{formatInt(i.sessions)}</Td>
                          <Td numeric>{formatInt(i.trainees)}</Td>
                          <Td numeric>{formatDate(i.lastSession, ctx.timeZone)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </TableFrame>
              )}
            </Section>
            <Section title="No sessions in the last 30 days" description="Instructors (by Senar profile, or who have run sessions before) with no session in 30 days.">
              {r.quiet.length === 0 ? (
                <p className="text-sm text-slate-600">Every instructor ran a session in the last 30 days.</p>
              ) : (
                <TableFrame label="Instructors without recent sessions" className="max-h-[32rem] overflow-y-auto">
                  <Table>
                    <caption className="sr-only">Instructors with no session in the last 30 days</caption>
                    <thead>
                      <tr><Th>Instructor</Th><Th>E-mail</Th><Th numeric>Last session</Th></tr>
                    </thead>
                    <tbody>
                      {r.quiet.map((q) => (
                        <tr key={q.id} className="hover:bg-slate-50">
                          <Td className="font-medium">{q.name}</Td>
                          <Td>{q.email || DASH}</Td>
                          <Td numeric>{q.lastSession ? formatDate(q.lastSession, ctx.timeZone) : "Never"}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </TableFrame>
              )}
            </Section>
          </div>
        </div>
      )}
    </>
  );
}

export default authorizedReport(SenarUsersReportReport);
