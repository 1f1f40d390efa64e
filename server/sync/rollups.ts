import "server-only";
// Daily rollups (DailyRollup, DailyTrainee), kept equal to a recomputation from Activity.
// Writers apply exact deltas (+1 for a new version, −1 for the version it replaced) inside
// their own transaction; `rebuildRollups` recomputes a workspace from the raw rows (after a
// time-zone or pass-mark change). Days are calendar days in the workspace's time zone; an
// activity without a trainingDate is in no day; a missing simulator/scenario/collection id is
// grouped as 0 / "" / 0; an activity no longer at the source (presentAtSource = false, see
// mark-missing.ts) is in no rollup. Pass = scorePct >= COALESCE(Scenario.passMark, Workspace.passMark).
import { Prisma } from "../db/generated/client";
import { inTransaction, type Queryable } from "./write-sql";

/** Columns a delta source must provide (besides `sign`). */
export const DELTA_COLS = [
  "trainingDate",
  "simulatorId",
  "scenarioId",
  "collectionId",
  "traineeId",
  "scorePct",
  "totalSec",
  "totalTries",
  "tilts",
  "abandons",
] as const;

export type TraineeDay = { day: string; traineeId: string };

const tzOf = (ws: string) => Prisma.sql`(SELECT "timeZone" FROM "Workspace" WHERE "id" = ${ws})`;

/** The workspace-local calendar day of a UTC timestamp column or expression. */
export function dayOf(ws: string, expr: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${typeof expr === "string" ? Prisma.raw(expr) : expr}) AT TIME ZONE 'UTC' AT TIME ZONE ${tzOf(ws)})::date`;
}

// Writers share this lock; a rebuild takes it exclusively, so no delta lands mid-rebuild.
async function rollupLock(tx: Queryable, ws: string, exclusive: boolean): Promise<void> {
  if (exclusive) await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('rollup'), hashtext(${ws}))::text`;
  else await tx.$queryRaw`SELECT pg_advisory_xact_lock_shared(hashtext('rollup'), hashtext(${ws}))::text`;
}

export const lockRollupsShared = (tx: Queryable, ws: string) => rollupLock(tx, ws, false);

/** Classifies rows (one per activity version, with pass evaluated now) for aggregation. */
function classified(ws: string, source: Prisma.Sql, signExpr: string): Prisma.Sql {
  return Prisma.sql`
    SELECT ${Prisma.raw(signExpr)} AS sign,
      (m."trainingDate" AT TIME ZONE 'UTC' AT TIME ZONE w.tz)::date AS day,
      COALESCE(m."simulatorId", 0) AS sim, COALESCE(m."scenarioId", '') AS scen, COALESCE(m."collectionId", 0) AS coll,
      m."traineeId", m."scorePct", (m."scorePct" >= COALESCE(s."passMark", w.pm)) AS pass,
      m."totalSec", m."totalTries", m."tilts", m."abandons"
    FROM ${source} m
    CROSS JOIN (SELECT "timeZone" AS tz, "passMark" AS pm FROM "Workspace" WHERE "id" = ${ws}) w
    LEFT JOIN "Scenario" s ON s."workspaceId" = ${ws} AND s."simulatorId" = m."simulatorId" AND s."id" = m."scenarioId"
    WHERE m."trainingDate" IS NOT NULL`;
}

const AGGREGATES = Prisma.raw(`
  max(coll), sum(sign), COALESCE(sum(sign) FILTER (WHERE "scorePct" IS NOT NULL), 0),
  COALESCE(sum(sign) FILTER (WHERE pass), 0), COALESCE(sum(sign * "scorePct"), 0),
  COALESCE(sum(sign * "totalSec"::bigint), 0), COALESCE(sum(sign * "totalTries"::bigint), 0),
  COALESCE(sum(sign * "tilts"), 0), COALESCE(sum(sign * "abandons"), 0)`);
const ROLLUP_COLS = Prisma.raw(
  `"workspaceId", "day", "simulatorId", "scenarioId", "collectionId", "sessions", "scored", "passed", "sumScorePct", "totalSec", "totalTries", "tilts", "abandons"`,
);

/**
 * CTE definitions (to follow `WITH …,`) applying the deltas of CTE `source` (columns `sign` and
 * DELTA_COLS) to the rollups. Caller must hold lockRollupsShared.
 */
export function rollupDeltaCtes(ws: string, source: string): Prisma.Sql {
  return Prisma.sql`
    rd AS (${classified(ws, Prisma.raw(`"${source}"`), "m.sign")}),
    roll AS (
      INSERT INTO "DailyRollup" (${ROLLUP_COLS})
      SELECT ${ws}, day, sim, scen, ${AGGREGATES} FROM rd GROUP BY day, sim, scen ORDER BY day, sim, scen
      ON CONFLICT ("workspaceId", "day", "simulatorId", "scenarioId") DO UPDATE SET
        "collectionId" = GREATEST("DailyRollup"."collectionId", EXCLUDED."collectionId"),
        "sessions" = "DailyRollup"."sessions" + EXCLUDED."sessions",
        "scored" = "DailyRollup"."scored" + EXCLUDED."scored",
        "passed" = "DailyRollup"."passed" + EXCLUDED."passed",
        "sumScorePct" = "DailyRollup"."sumScorePct" + EXCLUDED."sumScorePct",
        "totalSec" = "DailyRollup"."totalSec" + EXCLUDED."totalSec",
        "totalTries" = "DailyRollup"."totalTries" + EXCLUDED."totalTries",
        "tilts" = "DailyRollup"."tilts" + EXCLUDED."tilts",
        "abandons" = "DailyRollup"."abandons" + EXCLUDED."abandons"
    ),
    trn AS (
      INSERT INTO "DailyTrainee" ("workspaceId", "day", "traineeId")
      SELECT DISTINCT ${ws}, day, "traineeId" FROM rd WHERE sign > 0 AND "traineeId" IS NOT NULL ORDER BY 2, 3
      ON CONFLICT DO NOTHING
    )`;
}

/** Groups whose last session moved away (an activity's day or scenario changed). */
export async function dropEmptyRollups(tx: Queryable, ws: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "DailyRollup" WHERE "workspaceId" = ${ws} AND "sessions" <= 0`;
}

/** (day, trainee) pairs an updated activity left: dropped when no activity is left there. */
export async function dropEmptyTraineeDays(tx: Queryable, ws: string, pairs: TraineeDay[]): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "DailyTrainee" t
    USING unnest(${pairs.map((p) => p.day)}::date[], ${pairs.map((p) => p.traineeId)}::text[]) AS p(day, tid),
          (SELECT "timeZone" AS tz FROM "Workspace" WHERE "id" = ${ws}) w
    WHERE t."workspaceId" = ${ws} AND t."day" = p.day AND t."traineeId" = p.tid
      AND NOT EXISTS (
        SELECT 1 FROM "Activity" a
        WHERE a."workspaceId" = ${ws} AND a."traineeId" = p.tid AND a."presentAtSource"
          AND a."trainingDate" >= (p.day::timestamp AT TIME ZONE w.tz) AT TIME ZONE 'UTC'
          AND a."trainingDate" < ((p.day + 1)::timestamp AT TIME ZONE w.tz) AT TIME ZONE 'UTC')`;
}

/** Recomputes every rollup of a workspace from the raw rows. */
export async function rebuildRollups(client: Queryable, ws: string): Promise<void> {
  await inTransaction(client, async (tx) => {
    await rollupLock(tx, ws, true);
    await tx.$executeRaw`DELETE FROM "DailyRollup" WHERE "workspaceId" = ${ws}`;
    await tx.$executeRaw`DELETE FROM "DailyTrainee" WHERE "workspaceId" = ${ws}`;
    const all = Prisma.sql`(SELECT * FROM "Activity" WHERE "workspaceId" = ${ws} AND "presentAtSource")`;
    await tx.$executeRaw`
      WITH rd AS (${classified(ws, all, "1")})
      INSERT INTO "DailyRollup" (${ROLLUP_COLS})
      SELECT ${ws}, day, sim, scen, ${AGGREGATES} FROM rd GROUP BY day, sim, scen`;
    await tx.$executeRaw`
      INSERT INTO "DailyTrainee" ("workspaceId", "day", "traineeId")
      SELECT DISTINCT ${ws}, ${dayOf(ws, `"trainingDate"`)}, "traineeId" FROM "Activity"
      WHERE "workspaceId" = ${ws} AND "presentAtSource" AND "trainingDate" IS NOT NULL AND "traineeId" IS NOT NULL`;
  });
}
