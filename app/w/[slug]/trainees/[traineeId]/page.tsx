// Trainee profile: totals, best and last score per scenario with attempts and first-pass date,
// the learning curve (score by attempt number) and every session.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LearningCurveChart } from "@/components/charts/lazy";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportLive } from "@/components/reports/report-live";
import { ResultBadge } from "@/components/reports/score";
import { Section } from "@/components/reports/section";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { DASH, formatDate, formatDateTime, formatDuration, formatHours, formatInt, formatPct } from "@/lib/format";
import { requireMember } from "@/server/auth/guards";
import { getTraineeProfile } from "@/server/data/reports/trainees";
import { authorizedReport } from "@/components/reports/authorized-report";

export const metadata: Metadata = { title: "Trainee" };

type Props = { params: Promise<{ slug: string; traineeId: string }> };

async function TraineeReport({ params }: Props) {
  const { slug, traineeId: rawId } = await params;
  const member = await requireMember(slug);
  let traineeId = rawId;
  try {
    traineeId = decodeURIComponent(rawId);
  } catch {
    notFound();
  }
  if (traineeId.length > 200) notFound();
  const ctx = member.scope;
  const p = await getTraineeProfile(ctx, traineeId);
  if (!p) notFound();
  const tz = ctx.timeZone;
  const t = p.totals;
  const facts: [string, string][] = [
    ["Sessions", formatInt(t.sessions)],
    ["Time trained", formatHours(t.totalSec)],
    ["Scenarios passed", `${formatInt(t.scenariosPassed)} of ${formatInt(t.scenarios)}`],
    ["Average score", formatPct(t.averageScore)],
    ["First session", formatDate(t.firstSession, tz)],
    ["Last session", formatDate(t.lastSession, tz)],
  ];
  const maxAttempt = Math.max(0, ...p.curve.flatMap((s) => s.points.map((x) => x.attempt)));
  return (
    <>
      <nav aria-label="Breadcrumb" className="no-print mb-2 text-sm">
        <Link href={`/w/${slug}/trainees`} className="text-brand-700 hover:underline">← Trainees</Link>
      </nav>
      <ReportHeader
        live={slug}
        title={p.trainee.name}
        subtitle={[p.trainee.company, p.trainee.profile, p.trainee.email, `ID ${p.trainee.id}`].filter(Boolean).join(" · ")}
        actions={
          <Link href={`/w/${slug}/activities?range=custom&from=2000-01-01&to=2100-12-31&q=${encodeURIComponent(p.trainee.id)}`} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
            In the explorer →
          </Link>
        }
      />
      <ReportLive slug={slug} scope={ctx} />
      <dl className="mb-5 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {facts.map(([k, v]) => (
          <div key={k} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{k}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-5">
        <Section title="Scenarios" description="Best and last score, attempts, and when the trainee first passed.">
          <TableFrame label="Scenario progress">
            <Table>
              <caption className="sr-only">Progress per scenario</caption>
              <thead>
                <tr>
                  <Th>Scenario</Th>
                  <Th numeric>Attempts</Th>
                  <Th numeric>Best</Th>
                  <Th numeric>Last</Th>
                  <Th>Status</Th>
                  <Th numeric>First passed</Th>
                  <Th numeric>Time</Th>
                  <Th numeric>Last attempt</Th>
                </tr>
              </thead>
              <tbody>
                {p.scenarios.map((s) => (
                  <tr key={s.key} className="hover:bg-slate-50">
                    <Td>
                      <span className="font-medium">{s.scenario}</span>
                      <span className="block text-xs text-slate-600">{[s.collection, s.simulator].filter(Boolean).join(" · ")}</span>
                    </Td>
                    <Td numeric>{formatInt(s.attempts)}</Td>
                    <Td numeric className="font-medium" data-testid={`best-${s.key}`}>{formatPct(s.best)}</Td>
                    <Td numeric>{formatPct(s.last)}</Td>
                    <Td><ResultBadge passed={s.passed ? true : s.best == null ? null : false} /></Td>
                    <Td numeric>{s.firstPassAt ? `${formatDate(s.firstPassAt, tz)} (attempt ${s.firstPassAttempt})` : DASH}</Td>
                    <Td numeric>{formatDuration(s.totalSec)}</Td>
                    <Td numeric>{formatDate(s.lastAt, tz)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableFrame>
        </Section>
        {p.curve.length > 0 && (
          <Section title="Learning curve" description={`Score by attempt number for the ${p.curve.length} most practised scenarios; the dashed line is the pass mark.`}>
            <ChartFigure
              title="Score by attempt number"
              chart={<LearningCurveChart series={p.curve} passMark={ctx.passMark} />}
              headers={["Attempt", ...p.curve.map((s) => s.label)]}
              rows={Array.from({ length: maxAttempt }, (_, i) => [
                `Attempt ${i + 1}`,
                ...p.curve.map((s) => formatPct(s.points.find((x) => x.attempt === i + 1)?.score ?? null)),
              ])}
            />
          </Section>
        )}
        <Section title="Every session" description={`${formatInt(p.sessions.length)} sessions, newest first.`}>
          <TableFrame label="Sessions">
            <Table>
              <caption className="sr-only">Every session of this trainee</caption>
              <thead>
                <tr>
                  <Th>Date</Th>
                  <Th>Scenario</Th>
                  <Th numeric>Attempt</Th>
                  <Th numeric>Score</Th>
                  <Th>Result</Th>
                  <Th numeric>Time</Th>
                  <Th numeric>Tries</Th>
                  <Th numeric>Tilts</Th>
                  <Th>Instructor</Th>
                </tr>
              </thead>
              <tbody>
                {p.sessions.map((s) => (
                  <tr key={s.id} className="hover:bg-slate-50">
                    <Td className="whitespace-nowrap">{formatDateTime(s.trainingDate, tz)}</Td>
                    <Td>
                      {s.scenario}
                      <span className="block text-xs text-slate-600">{s.simulator ?? DASH}</span>
                    </Td>
                    <Td numeric>{s.attempt}</Td>
                    <Td numeric>{formatPct(s.scorePct)}</Td>
                    <Td><ResultBadge passed={s.passed} /></Td>
                    <Td numeric>{formatDuration(s.totalSec)}</Td>
                    <Td numeric>{formatInt(s.totalTries)}</Td>
                    <Td numeric>{formatInt(s.tilts)}</Td>
                    <Td>{s.instructor}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableFrame>
        </Section>
      </div>
    </>
  );
}

export default authorizedReport(TraineeReport);
