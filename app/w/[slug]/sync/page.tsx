// Sync status: time of the last success, "Sync now" with progress (admins), and the run history.
import type { Metadata } from "next";
import { LiveRefresh } from "@/components/live-refresh";
import { StalenessBanner } from "@/components/staleness-banner";
import { StatusBadge } from "@/components/sync/status-badge";
import { SyncNow } from "@/components/sync/sync-now";
import { Card } from "@/components/ui/card";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { requireMember } from "@/server/auth/guards";
import { kindTotal, type KindCounts } from "@/server/sync/counts";
import { recentRuns, staleness } from "@/server/data/sync-runs";

export const metadata: Metadata = { title: "Sync" };

const fmt = (iso: string, timeZone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone }).format(new Date(iso));
const duration = (ms: number | null) => (ms === null ? "—" : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);
const n = (v: number) => v.toLocaleString("en");
const kind = (k: KindCounts) =>
  `${n(kindTotal(k))}: ${n(k.new)} new, ${n(k.updated)} updated, ${n(k.unchanged)} unchanged${k.invalid ? `, ${n(k.invalid)} invalid` : ""}`;

export default async function SyncPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug);
  const tz = ctx.workspace.timeZone;
  const [runs, s] = await Promise.all([recentRuns(ctx.scope), staleness(ctx.scope)]);
  const canStart = ctx.role !== "VIEWER";
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold text-slate-900">Sync</h1>
        <LiveRefresh slug={slug} />
      </div>
      <StalenessBanner scope={ctx.scope} slug={slug} />
      <Card
        title="Status"
        description={
          s.lastSuccessAt ? `Last successful sync: ${fmt(s.lastSuccessAt.toISOString(), tz)}.` : "No sync has succeeded yet."
        }
      >
        <p className="mb-3 text-sm text-slate-600">
          {s.intervalMinutes ? `Scheduled every ${s.intervalMinutes} minutes.` : "Scheduled syncs are off for this workspace."} Webhooks bring new records in between.
        </p>
        <SyncNow slug={slug} canStart={canStart} initial={runs[0] ?? null} />
      </Card>
      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 text-sm font-semibold text-slate-900">
          History
        </h2>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-600">No sync has run yet.</p>
        ) : (
          <TableFrame label="Sync history">
            <Table>
              <thead>
                <tr>
                  <Th>Started</Th>
                  <Th>Status</Th>
                  <Th>Trigger</Th>
                  <Th>Users</Th>
                  <Th>Activities</Th>
                  <Th numeric>Missing</Th>
                  <Th numeric>Duration</Th>
                  <Th>Error</Th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <Td className="whitespace-nowrap">{fmt(r.startedAt, tz)}</Td>
                    <Td>
                      <StatusBadge status={r.status} queued={r.queued} />
                    </Td>
                    <Td>{r.trigger}</Td>
                    <Td className="whitespace-nowrap">{kind(r.counts.users)}</Td>
                    <Td className="whitespace-nowrap">{kind(r.counts.activities)}</Td>
                    <Td numeric>{r.counts.missing.toLocaleString("en")}</Td>
                    <Td numeric>{r.status === "RUNNING" ? (r.percent === null ? "…" : `${r.percent} %`) : duration(r.durationMs)}</Td>
                    <Td className="max-w-md text-red-800">{r.error ?? ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableFrame>
        )}
      </section>
    </div>
  );
}
