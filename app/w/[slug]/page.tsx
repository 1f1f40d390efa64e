// Dashboard: the period's KPIs against the previous period, the weekly trend, the hardest and
// easiest scenarios and the latest sessions. Everything but the latest sessions reads the rollups.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TrendChart } from "@/components/charts/lazy";
import { FilterBar } from "@/components/reports/filter-bar";
import { KpiCard } from "@/components/reports/kpi-card";
import { ReportHeader } from "@/components/reports/report-header";
import { ResultBadge, RateBar } from "@/components/reports/score";
import { Section } from "@/components/reports/section";
import { ReportLive } from "@/components/reports/report-live";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ReportSkeleton } from "@/components/ui/skeleton";
import { DASH, formatDateTime, formatDay, formatDecimal, formatDuration, formatHours, formatInt, formatPct } from "@/lib/format";
import { parseReportFilters, reportHref, resolveRange, scenarioKey, type ReportFilters } from "@/lib/report-filters";
import { requireMember } from "@/server/auth/guards";
import { getKpis, getLatestSessions, getScenarioRankings, getWeeklyTrend, type ScenarioRank } from "@/server/data/reports/dashboard";
import { getFilterOptions } from "@/server/data/reports/filter-options";
import { log } from "@/server/log";
import type { WorkspaceScope } from "@/server/auth/scope";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const f = parseReportFilters(await searchParams);
  const ctx = member.scope;
  const range = resolveRange(f, ctx.timeZone);
  const options = await getFilterOptions(ctx.workspaceId);
  return (
    <>
      <ReportHeader
        live={slug}
        title="Dashboard"
        subtitle={
          <>
            {range.label}: {formatDay(range.from, true)} – {formatDay(range.to, true)} ({member.workspace.timeZone}), compared with{" "}
            {formatDay(range.prevFrom, true)} – {formatDay(range.prevTo, true)}
          </>
        }
        actions={
          <Link href={`/w/${slug}/reports/senar-users`} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
            Senar users report →
          </Link>
        }
      />
      <ReportLive slug={slug} scope={ctx} />
      <FilterBar action={`/w/${slug}`} values={f} options={options} fields={["range"]} resetHref={`/w/${slug}`} />
      <Suspense key={`${range.from}:${range.to}`} fallback={<ReportSkeleton kpis={6} />}>
        <DashboardBody ctx={ctx} slug={slug} f={f} />
      </Suspense>
    </>
  );
}

async function DashboardBody({ ctx, slug, f }: { ctx: WorkspaceScope; slug: string; f: ReportFilters }) {
  const range = resolveRange(f, ctx.timeZone);
  let data;
  try {
    data = await Promise.all([
      getKpis(ctx, range),
      getWeeklyTrend(ctx, range),
      getScenarioRankings(ctx, range),
      getLatestSessions(ctx),
    ]);
  } catch (err) {
    // The dashboard segment has no error boundary of its own (the workspace layout is shared):
    // say what happened here rather than replacing the whole page.
    log.error("dashboard failed", { err });
    return (
      <Alert tone="error">
        The dashboard could not be loaded: the database may be busy or unreachable. Reload the page in a moment.
      </Alert>
    );
  }
  const [kpis, trend, { hardest, easiest }, latest] = data;
  const { current: c, previous: p, change: d } = kpis;
  const periodLink = (extra: Partial<ReportFilters>) => reportHref(`/w/${slug}/activities`, { range: f.range, from: f.from, to: f.to }, extra);
  if (c.sessions === 0 && p.sessions === 0 && latest.length === 0) {
    return (
      <EmptyState title="No training sessions yet">
        Once this workspace is connected to Senar and synced, sessions appear here. Check the{" "}
        <Link className="text-brand-700 underline" href={`/w/${slug}/sync`}>sync page</Link>.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Key figures">
        <KpiCard id="sessions" label="Sessions" value={formatInt(c.sessions)} delta={d.sessions} previous={formatInt(p.sessions)} />
        <KpiCard id="trainees" label="Unique trainees" value={formatInt(c.uniqueTrainees)} delta={d.uniqueTrainees} previous={formatInt(p.uniqueTrainees)} />
        <KpiCard id="score" label="Average score" value={formatPct(c.averageScore)} delta={d.averageScore} deltaKind="points" previous={formatPct(p.averageScore)} />
        <KpiCard id="pass" label="Pass rate" value={formatPct(c.passRate)} delta={d.passRate} deltaKind="points" previous={formatPct(p.passRate)} />
        <KpiCard id="hours" label="Training time" value={formatHours(c.trainingHours * 3600)} delta={d.trainingHours} previous={formatHours(p.trainingHours * 3600)} />
        <KpiCard id="tries" label="Average tries" value={formatDecimal(c.averageTries, 2)} delta={d.averageTries} better="down" previous={formatDecimal(p.averageTries, 2)} />
      </dl>

      <Section title="Weekly trend" description="Sessions per week (bars) and average score (line), weeks starting Monday.">
        {trend.some((t) => t.sessions > 0) ? (
          <ChartFigure
            title="Weekly sessions and average score"
            chart={<TrendChart data={trend.map((t) => ({ label: formatDay(t.week), sessions: t.sessions, score: t.averageScore == null ? null : Math.round(t.averageScore * 1000) / 10 }))} />}
            headers={["Week of", "Sessions", "Average score", "Pass rate", "Hours"]}
            rows={trend.map((t) => [formatDay(t.week, true), formatInt(t.sessions), formatPct(t.averageScore), formatPct(t.passRate), formatDecimal(t.hours)])}
          />
        ) : (
          <p className="text-sm text-slate-600">No sessions in these weeks.</p>
        )}
      </Section>

      <div className="grid gap-5 lg:grid-cols-2">
        <ScenarioList title="Hardest scenarios" description="Lowest pass rate this period (at least 10 scored sessions)." items={hardest} tone="rose" hrefFor={(s) => periodLink({ scenario: scenarioKey(s.simulatorId, s.scenarioId), result: "fail" })} />
        <ScenarioList title="Easiest scenarios" description="Highest pass rate this period (at least 10 scored sessions)." items={easiest} tone="brand" hrefFor={(s) => periodLink({ scenario: scenarioKey(s.simulatorId, s.scenarioId) })} />
      </div>

      <Section
        title="Latest sessions"
        description="Updates live as Senar reports new sessions."
        actions={<Link href={`/w/${slug}/activities`} className="text-sm font-medium text-brand-700 hover:underline">All activities →</Link>}
      >
        {latest.length === 0 ? (
          <p className="text-sm text-slate-600">No sessions yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {latest.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm">
                <div className="min-w-0">
                  {s.traineeId ? (
                    <Link href={`/w/${slug}/trainees/${encodeURIComponent(s.traineeId)}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {s.trainee}
                    </Link>
                  ) : (
                    <span className="font-medium">{s.trainee}</span>
                  )}
                  <span className="text-slate-600"> · {s.scenario ?? DASH}</span>
                  <span className="block text-xs text-slate-600">
                    {formatDateTime(s.trainingDate, ctx.timeZone)} · {s.simulator ?? DASH} · {s.instructor} · {formatDuration(s.totalSec)}
                  </span>
                </div>
                <span className="flex items-center gap-2 tabular-nums">
                  {formatPct(s.scorePct)} <ResultBadge passed={s.passed} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function ScenarioList({ title, description, items, tone, hrefFor }: {
  title: string; description: string; tone: "rose" | "brand";
  items: ScenarioRank[]; hrefFor: (s: ScenarioRank) => string;
}) {
  return (
    <Section title={title} description={description}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Not enough sessions in this period.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-600">
              <th scope="col" className="pb-1.5 font-semibold">Scenario</th>
              <th scope="col" className="pb-1.5 text-right font-semibold">Sessions</th>
              <th scope="col" className="pb-1.5 text-right font-semibold">Pass rate</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={scenarioKey(s.simulatorId, s.scenarioId)} className="border-t border-slate-100">
                <td className="py-1.5 pr-2">
                  <Link href={hrefFor(s)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{s.name}</Link>
                  <span className="block text-xs text-slate-600">{s.simulator ?? DASH}</span>
                </td>
                <td className="py-1.5 text-right tabular-nums">{formatInt(s.sessions)}</td>
                <td className="py-1.5 text-right tabular-nums">
                  <span className="inline-flex items-center gap-2">
                    <RateBar value={s.passRate} tone={tone} />
                    {formatPct(s.passRate)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
