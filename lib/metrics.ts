// The one place that defines the report figures, so pages, CSV exports, the API and tests agree.
// Every rate here is a fraction (0.8 = 80 %); formatting to percent happens in lib/format.ts.
// The SQL in server/db/sql-rules.ts mirrors these definitions expression for expression.

/** Workspace default when nothing else is set (Workspace.passMark defaults to it too). */
export const DEFAULT_PASS_MARK = 0.8;

/** Score % = totalPoints / totalMaxPoints; unknown when either is missing or the maximum is not positive. */
export function scorePct(totalPoints: number | null | undefined, totalMaxPoints: number | null | undefined): number | null {
  if (totalPoints == null || totalMaxPoints == null || !Number.isFinite(totalPoints) || !Number.isFinite(totalMaxPoints)) return null;
  if (totalMaxPoints <= 0) return null;
  return totalPoints / totalMaxPoints;
}

/** The pass mark that applies to a scenario: its own override when set, else the workspace's. */
export function effectivePassMark(workspacePassMark: number, scenarioPassMark?: number | null): number {
  return scenarioPassMark ?? workspacePassMark;
}

/** Pass = score ≥ pass mark. A session without a score is neither passed nor failed (null). */
export function isPass(score: number | null | undefined, workspacePassMark: number, scenarioPassMark?: number | null): boolean | null {
  if (score == null) return null;
  // No tolerance: IEEE division is correctly rounded, so 2720/3400 is exactly the double 0.8, and
  // the SQL (scorePct >= COALESCE(override, workspace)) must give the same answer.
  return score >= effectivePassMark(workspacePassMark, scenarioPassMark);
}

/** Safe ratio: null when the denominator is zero (shown as "—", never as 0 % or NaN). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Training time in hours from the sum of totalSec. */
export function trainingHours(totalSec: number): number {
  return totalSec / 3600;
}

/** Relative change against the previous period; null when there was nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null) return null;
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / Math.abs(previous);
}

/** Additive sums over a set of sessions: what a rollup row stores, and what every KPI derives from. */
export type SessionSums = {
  sessions: number;
  /** Sessions that have a score (pass rate and average score count only these). */
  scored: number;
  passed: number;
  sumScorePct: number;
  totalSec: number;
  totalTries: number;
  tilts: number;
  abandons: number;
};

export const emptySums = (): SessionSums => ({ sessions: 0, scored: 0, passed: 0, sumScorePct: 0, totalSec: 0, totalTries: 0, tilts: 0, abandons: 0 });

/** The per-session facts the sums are built from. */
export type SessionFacts = {
  totalPoints?: number | null;
  totalMaxPoints?: number | null;
  totalSec?: number | null;
  totalTries?: number | null;
  tilts?: number | null;
  abandons?: number | null;
  scenarioPassMark?: number | null;
};

export function addSession(sums: SessionSums, s: SessionFacts, workspacePassMark: number): SessionSums {
  const score = scorePct(s.totalPoints, s.totalMaxPoints);
  sums.sessions += 1;
  if (score != null) {
    sums.scored += 1;
    sums.sumScorePct += score;
    if (isPass(score, workspacePassMark, s.scenarioPassMark)) sums.passed += 1;
  }
  sums.totalSec += s.totalSec ?? 0;
  sums.totalTries += s.totalTries ?? 0;
  sums.tilts += s.tilts ?? 0;
  sums.abandons += s.abandons ?? 0;
  return sums;
}

export type Kpis = {
  sessions: number;
  averageScore: number | null;
  passRate: number | null;
  trainingHours: number;
  averageTries: number | null;
  averageSec: number | null;
  tiltsPerSession: number | null;
  abandonsPerSession: number | null;
};

/** Derives the displayed figures from sums; the one formula for every report. */
export function kpisFromSums(s: SessionSums): Kpis {
  return {
    sessions: s.sessions,
    averageScore: ratio(s.sumScorePct, s.scored),
    passRate: ratio(s.passed, s.scored),
    trainingHours: trainingHours(s.totalSec),
    averageTries: ratio(s.totalTries, s.sessions),
    averageSec: ratio(s.totalSec, s.sessions),
    tiltsPerSession: ratio(s.tilts, s.sessions),
    abandonsPerSession: ratio(s.abandons, s.sessions),
  };
}

/** Cell state of the competency matrix. */
export type Competency = "passed" | "attempted" | "none";

export function competency(bestScore: number | null | undefined, attempts: number, workspacePassMark: number, scenarioPassMark?: number | null): Competency {
  if (attempts <= 0) return "none";
  return isPass(bestScore ?? null, workspacePassMark, scenarioPassMark) ? "passed" : "attempted";
}
