// One Senar user: their details (from the cache) and the sessions they ran, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { StudioNote } from "@/components/senar-users/studio-note";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/reports/pagination";
import { formatDate, formatDateTime, formatDuration, formatPct, personName } from "@/lib/format";
import { requireMember } from "@/server/auth/guards";
import { getSenarUser, senarUserSessions } from "@/server/data/senar-user-directory";
import { studioUrl } from "@/server/data/workspace-settings";

export const metadata: Metadata = { title: "Senar user" };

const SIZE = 25;

export default async function SenarUserPage({ params, searchParams }: { params: Promise<{ slug: string; userId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { slug, userId } = await params;
  const ctx = await requireMember(slug);
  const id = decodeURIComponent(userId);
  const user = await getSenarUser(ctx.scope, id);
  if (!user) notFound();
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse((await searchParams).page);
  const [sessions, studio] = await Promise.all([senarUserSessions(ctx.scope, id, { page: page - 1, rows: SIZE }), studioUrl(ctx.scope)]);
  const tz = ctx.workspace.timeZone;
  const base = `/w/${slug}/senar-users/${encodeURIComponent(id)}`;
  const details: [string, string][] = [
    ["Email", user.email ?? "—"],
    ["Profile", user.profile ?? "—"],
    ["Language", user.language ?? "—"],
    ["Country", user.countryName ?? "—"],
    ["Account", user.accountName ?? "—"],
    ["Created in Senar", formatDateTime(user.creationDate, tz)],
    ["Senar id", user.id],
  ];
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${slug}/senar-users`} className="text-brand-700 hover:underline">
          Senar users
        </Link>
        <span aria-hidden className="px-1.5 text-slate-400">/</span>
        <span className="text-slate-600">{personName(user.firstName, user.lastName)}</span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{personName(user.firstName, user.lastName)}</h1>
      <Card title="Details">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
              <dd className="mt-0.5 break-all text-sm text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <StudioNote studioUrl={studio} />
      <section aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-lg font-semibold text-slate-900">
          Sessions run <span className="text-sm font-normal text-slate-600">({sessions._paging.totalElementCount.toLocaleString("en")})</span>
        </h2>
        {sessions._paging.totalElementCount === 0 ? (
          <EmptyState title="No sessions yet">Sessions this user runs on a simulator appear here after the next sync.</EmptyState>
        ) : (
          <>
            <TableFrame label="Sessions">
              <Table>
                <thead>
                  <tr>
                    <Th>Date</Th>
                    <Th>Trainee</Th>
                    <Th>Company</Th>
                    <Th>Collection</Th>
                    <Th>Scenario</Th>
                    <Th numeric>Score</Th>
                    <Th numeric>Time</Th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.sessions.map((r) => (
                    <tr key={r.id}>
                      <Td className="whitespace-nowrap">{formatDate(r.trainingDate, tz)}</Td>
                      <Td>{r.traineeName}</Td>
                      <Td>{r.company ?? "—"}</Td>
                      <Td>{r.collectionTitle ?? "—"}</Td>
                      <Td>
                        {r.scenarioName ?? "—"}
                        {r.simulatorTitle && <span className="block text-xs text-slate-500">{r.simulatorTitle}</span>}
                      </Td>
                      <Td numeric>{formatPct(r.scorePct)}</Td>
                      <Td numeric>{formatDuration(r.totalSec)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </TableFrame>
            <Pagination page={page} pages={Math.max(1, sessions._paging.pageCount)} total={sessions._paging.totalElementCount} size={SIZE} hrefFor={(p) => (p > 1 ? `${base}?page=${p}` : base)} noun="sessions" />
          </>
        )}
      </section>
    </div>
  );
}
