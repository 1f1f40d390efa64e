import "server-only";
// Trainees: a searchable list (from the Trainee dimension, stats for the visible page only) and
// the profile of one trainee: every session, per-scenario best/last score, attempts, first pass.
import { db } from "@/server/db/client";
import { scenarioKey } from "@/lib/report-filters";
import { join, num, numOrNull, sql, type Sql } from "@/server/db/sql";
import { passExpr, passMarkOf, scenarioJoin, scenarioTuple } from "@/server/db/sql-rules";
import { traineeMatch } from "./conditions";
import type { WorkspaceScope } from "@/server/auth/scope";

export type TraineeListItem = {
  id: string; name: string; email: string | null; company: string | null; profile: string | null;
  sessions: number; scenariosPassed: number; lastSession: Date | null; totalSec: number;
};

export async function listTrainees(ctx: WorkspaceScope, opts: { q?: string; company?: string; page: number; size?: number }): Promise<{ rows: TraineeListItem[]; total: number; pages: number }> {
  const size = opts.size ?? 50;
  const conds: Sql[] = [sql`t."workspaceId" = ${ctx.workspaceId}`, ...traineeMatch(opts.q)];
  if (opts.company) conds.push(sql`t.company = ${opts.company}`);
  const whereSql = sql`WHERE ${join(conds, " AND ")}`;
  const [people, count] = await Promise.all([
    db.$queryRaw<{ id: string; firstName: string | null; lastName: string | null; email: string | null; company: string | null; profile: string | null }[]>(sql`
      SELECT t.id, t."firstName", t."lastName", t.email, t.company, t.profile FROM "Trainee" t ${whereSql}
      ORDER BY lower(COALESCE(t."lastName", '')), lower(COALESCE(t."firstName", '')), t.id
      LIMIT ${size}::int OFFSET ${(opts.page - 1) * size}::int`),
    db.$queryRaw<{ n: number }[]>(sql`SELECT COUNT(*)::int AS n FROM "Trainee" t ${whereSql}`),
  ]);
  const ids = people.map((p) => p.id);
  const stats = ids.length
    ? await db.$queryRaw<{ traineeId: string; sessions: number; lastSession: Date | null; totalSec: number; scenariosPassed: number }[]>(sql`
        SELECT a."traineeId", COUNT(*)::int AS sessions, MAX(a."trainingDate") AS "lastSession", COALESCE(SUM(a."totalSec"), 0)::float8 AS "totalSec",
               COUNT(DISTINCT ${scenarioTuple()}) FILTER (WHERE ${passExpr(ctx.passMark)})::int AS "scenariosPassed"
        FROM "Activity" a ${scenarioJoin()}
        WHERE a."workspaceId" = ${ctx.workspaceId} AND a."traineeId" = ANY(${ids}::text[])
        GROUP BY a."traineeId"`)
    : [];
  const byId = new Map(stats.map((s) => [s.traineeId, s]));
  const total = num(count[0]?.n);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / size)),
    rows: people.map((p) => {
      const s = byId.get(p.id);
      return {
        id: p.id, name: [p.firstName, p.lastName].filter(Boolean).join(" ") || p.id, email: p.email || null, company: p.company, profile: p.profile,
        sessions: num(s?.sessions), scenariosPassed: num(s?.scenariosPassed), lastSession: s?.lastSession ?? null, totalSec: num(s?.totalSec),
      };
    }),
  };
}

export type ScenarioProgress = {
  key: string; simulatorId: number; scenarioId: string; scenario: string; simulator: string | null; collection: string | null;
  attempts: number; best: number | null; last: number | null; passed: boolean; firstPassAt: Date | null; firstPassAttempt: number | null;
  totalSec: number; lastAt: Date | null; passMark: number;
};
export type TraineeSession = {
  id: string; trainingDate: Date | null; scenario: string; simulator: string | null; scorePct: number | null; passed: boolean | null;
  totalSec: number | null; totalTries: number | null; tilts: number | null; abandons: number | null; instructor: string; attempt: number;
};
export type TraineeProfile = {
  trainee: { id: string; name: string; email: string | null; company: string | null; profile: string | null };
  totals: { sessions: number; totalSec: number; scenarios: number; scenariosPassed: number; firstSession: Date | null; lastSession: Date | null; averageScore: number | null };
  scenarios: ScenarioProgress[];
  sessions: TraineeSession[];
  curve: { key: string; label: string; points: { attempt: number; score: number | null }[] }[];
};

type SessionRaw = {
  id: bigint; trainingDate: Date | null; simulatorId: number | null; scenarioId: string | null; scenarioName: string | null; simulatorTitle: string | null;
  collectionTitle: string | null; scorePct: number | null; passed: boolean | null; passMark: number; totalSec: number | null; totalTries: number | null;
  tilts: number | null; abandons: number | null; userFirstName: string | null; userLastName: string | null; attempt: number;
  firstName: string | null; lastName: string | null; company: string | null; traineeEmail: string | null; traineeProfile: string | null;
};

export async function getTraineeProfile(ctx: WorkspaceScope, traineeId: string): Promise<TraineeProfile | null> {
  const [dim, sessionsRaw] = await Promise.all([
    db.trainee.findUnique({ where: { workspaceId_id: { workspaceId: ctx.workspaceId, id: traineeId } } }),
    // One trainee's sessions: a bounded index range ((workspaceId, traineeId, trainingDate)).
    db.$queryRaw<SessionRaw[]>(sql`
      SELECT a.id, a."trainingDate", a."simulatorId", a."scenarioId", a."scenarioName", a."simulatorTitle", a."collectionTitle", a."scorePct",
             ${passExpr(ctx.passMark)} AS passed, ${passMarkOf(ctx.passMark)} AS "passMark",
             a."totalSec", a."totalTries", a.tilts, a.abandons, a."userFirstName", a."userLastName",
             a."firstName", a."lastName", a.company, a."traineeEmail", a."traineeProfile",
             ROW_NUMBER() OVER (PARTITION BY a."simulatorId", a."scenarioId" ORDER BY a."trainingDate" NULLS LAST, a.id)::int AS attempt
      FROM "Activity" a ${scenarioJoin()}
      WHERE a."workspaceId" = ${ctx.workspaceId} AND a."traineeId" = ${traineeId}
      ORDER BY a."trainingDate" DESC NULLS LAST, a.id DESC
      LIMIT 5000`),
  ]);
  if (!dim && sessionsRaw.length === 0) return null;
  const latest = sessionsRaw[0];
  const sessions: TraineeSession[] = sessionsRaw.map((r) => ({
    id: String(r.id), trainingDate: r.trainingDate, scenario: r.scenarioName ?? r.scenarioId ?? "—", simulator: r.simulatorTitle,
    scorePct: numOrNull(r.scorePct), passed: r.passed, totalSec: r.totalSec, totalTries: r.totalTries, tilts: r.tilts, abandons: r.abandons,
    instructor: [r.userFirstName, r.userLastName].filter(Boolean).join(" ") || "—", attempt: num(r.attempt),
  }));
  // Per-scenario progress from the (already bounded) session list, oldest first.
  const byScenario = new Map<string, ScenarioProgress>();
  for (const r of [...sessionsRaw].reverse()) {
    const key = scenarioKey(r.simulatorId ?? 0, r.scenarioId ?? "");
    let p = byScenario.get(key);
    if (!p) {
      p = {
        key, simulatorId: num(r.simulatorId), scenarioId: r.scenarioId ?? "", scenario: r.scenarioName ?? r.scenarioId ?? "—", simulator: r.simulatorTitle,
        collection: r.collectionTitle, attempts: 0, best: null, last: null, passed: false, firstPassAt: null, firstPassAttempt: null, totalSec: 0, lastAt: null,
        passMark: num(r.passMark),
      };
      byScenario.set(key, p);
    }
    const score = numOrNull(r.scorePct);
    p.attempts += 1;
    if (score != null) p.best = p.best == null ? score : Math.max(p.best, score);
    p.last = score;
    p.lastAt = r.trainingDate;
    p.totalSec += r.totalSec ?? 0;
    if (r.passed && !p.passed) {
      p.passed = true;
      p.firstPassAt = r.trainingDate;
      p.firstPassAttempt = num(r.attempt);
    }
  }
  const scenarios = [...byScenario.values()].sort((a, b) => a.scenario.localeCompare(b.scenario) || a.key.localeCompare(b.key));
  const scored = sessions.filter((s) => s.scorePct != null);
  const curveScenarios = [...scenarios].sort((a, b) => b.attempts - a.attempts).slice(0, 6);
  const curve = curveScenarios.map((s) => ({
    key: s.key,
    label: s.scenario,
    points: sessionsRaw
      .filter((r) => scenarioKey(r.simulatorId ?? 0, r.scenarioId ?? "") === s.key)
      .map((r) => ({ attempt: num(r.attempt), score: numOrNull(r.scorePct) }))
      .sort((a, b) => a.attempt - b.attempt),
  }));
  const name = [dim?.firstName ?? latest?.firstName, dim?.lastName ?? latest?.lastName].filter(Boolean).join(" ") || traineeId;
  return {
    trainee: { id: traineeId, name, email: (dim?.email ?? latest?.traineeEmail) || null, company: dim?.company ?? latest?.company ?? null, profile: dim?.profile ?? latest?.traineeProfile ?? null },
    totals: {
      sessions: sessions.length,
      totalSec: sessions.reduce((a, s) => a + (s.totalSec ?? 0), 0),
      scenarios: scenarios.length,
      scenariosPassed: scenarios.filter((s) => s.passed).length,
      firstSession: sessions[sessions.length - 1]?.trainingDate ?? null,
      lastSession: sessions[0]?.trainingDate ?? null,
      averageScore: scored.length ? scored.reduce((a, s) => a + (s.scorePct ?? 0), 0) / scored.length : null,
    },
    scenarios,
    sessions,
    curve,
  };
}
