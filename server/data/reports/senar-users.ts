import "server-only";
// The Senar users report: who has an account (by profile, country, language, account),
// registrations over time, and what instructors actually do (sessions run, who has gone quiet).
import { db } from "@/server/db/client";
import { addDays, todayIn, type ResolvedRange } from "@/lib/report-filters";
import { isoDay, num, raw, sql } from "@/server/db/sql";
import { localDay, localDayStart } from "@/server/db/sql-rules";
import { inRange } from "./conditions";
import type { WorkspaceScope } from "@/server/auth/scope";

export type CountRow = { label: string; count: number };
export type InstructorActivity = { id: string; name: string; email: string | null; costCenter: string | null; sessions: number; trainees: number; lastSession: Date | null };
export type QuietInstructor = { id: string; name: string; email: string | null; profile: string | null; lastSession: Date | null };
export type SenarUsersReport = {
  total: number;
  byProfile: CountRow[];
  byCountry: CountRow[];
  byLanguage: CountRow[];
  byAccount: CountRow[];
  registrations: { month: string; count: number; cumulative: number }[];
  instructors: InstructorActivity[];
  quiet: QuietInstructor[];
};

async function countBy(workspaceId: string, column: "profile" | "countryName" | "language" | "accountName"): Promise<CountRow[]> {
  const col = raw(`"${column}"`);
  const rows = await db.$queryRaw<{ label: string | null; count: number }[]>(sql`
    SELECT NULLIF(TRIM(${col}), '') AS label, COUNT(*)::int AS count FROM "SenarUser"
    WHERE "workspaceId" = ${workspaceId} AND "presentAtSource" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`);
  return rows.map((r) => ({ label: r.label ?? "Not set", count: num(r.count) }));
}

export async function getSenarUsersReport(ctx: WorkspaceScope, range: ResolvedRange, now = new Date()): Promise<SenarUsersReport> {
  const since30 = addDays(todayIn(ctx.timeZone, now), -29);
  const [totalRow, byProfile, byCountry, byLanguage, byAccount, regs, instructors, quiet] = await Promise.all([
    db.senarUser.count({ where: { workspaceId: ctx.workspaceId, presentAtSource: true } }),
    countBy(ctx.workspaceId, "profile"),
    countBy(ctx.workspaceId, "countryName"),
    countBy(ctx.workspaceId, "language"),
    countBy(ctx.workspaceId, "accountName"),
    db.$queryRaw<{ month: unknown; count: number }[]>(sql`
      SELECT date_trunc('month', ${localDay(raw(`"creationDate"`), ctx.timeZone)})::date AS month, COUNT(*)::int AS count
      FROM "SenarUser" WHERE "workspaceId" = ${ctx.workspaceId} AND "presentAtSource" AND "creationDate" IS NOT NULL
      GROUP BY 1 ORDER BY 1`),
    // Sessions run per instructor in the selected period.
    db.$queryRaw<{ id: string; firstName: string | null; lastName: string | null; email: string | null; costCenter: string | null; sessions: number; trainees: number; lastSession: Date | null }[]>(sql`
      SELECT a."userId" AS id, MAX(a."userFirstName") AS "firstName", MAX(a."userLastName") AS "lastName", MAX(a."userEmail") AS email,
             MAX(a."userCostCenter") AS "costCenter", COUNT(*)::int AS sessions, COUNT(DISTINCT a."traineeId")::int AS trainees, MAX(a."trainingDate") AS "lastSession"
      FROM "Activity" a WHERE a."workspaceId" = ${ctx.workspaceId} AND a."userId" IS NOT NULL AND ${inRange(range, ctx.timeZone)}
      GROUP BY a."userId" ORDER BY sessions DESC, id LIMIT 200`),
    // Instructors (people who have run sessions, or whose Senar profile says instructor) with no
    // session in the last 30 days; the last-session lookup is one index probe per person.
    db.$queryRaw<{ id: string; firstName: string | null; lastName: string | null; email: string | null; profile: string | null; lastSession: Date | null }[]>(sql`
      WITH people AS (
        SELECT i.id, i."firstName", i."lastName", i.email, NULL::text AS profile FROM "Instructor" i WHERE i."workspaceId" = ${ctx.workspaceId}
        UNION
        SELECT u.id, u."firstName", u."lastName", u.email, u.profile FROM "SenarUser" u
        WHERE u."workspaceId" = ${ctx.workspaceId} AND u."presentAtSource" AND u.profile ILIKE '%instructor%'
      ), one AS (
        SELECT DISTINCT ON (id) * FROM people ORDER BY id, profile NULLS LAST
      )
      SELECT p.id, p."firstName", p."lastName", p.email, p.profile, last."trainingDate" AS "lastSession"
      FROM one p LEFT JOIN LATERAL (
        SELECT a."trainingDate" FROM "Activity" a WHERE a."workspaceId" = ${ctx.workspaceId} AND a."userId" = p.id
        ORDER BY a."trainingDate" DESC NULLS LAST LIMIT 1
      ) last ON true
      WHERE last."trainingDate" IS NULL OR last."trainingDate" < ${localDayStart(since30, ctx.timeZone)}
      ORDER BY last."trainingDate" DESC NULLS LAST, lower(COALESCE(p."lastName", '')) LIMIT 500`),
  ]);
  let cumulative = 0;
  return {
    total: totalRow,
    byProfile,
    byCountry,
    byLanguage,
    byAccount,
    registrations: regs.map((r) => {
      cumulative += num(r.count);
      return { month: isoDay(r.month).slice(0, 7), count: num(r.count), cumulative };
    }),
    instructors: instructors.map((r) => ({
      id: r.id, name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.email || r.id, email: r.email, costCenter: r.costCenter,
      sessions: num(r.sessions), trainees: num(r.trainees), lastSession: r.lastSession,
    })),
    quiet: quiet.map((r) => ({ id: r.id, name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.email || r.id, email: r.email, profile: r.profile, lastSession: r.lastSession })),
  };
}
