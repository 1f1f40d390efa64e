import "server-only";
// The end of a full sync: what Senar's complete lists did not contain is no longer at the source.
// Rows are kept (history, and the raw record for review) but marked, and activities leave the
// rollups with −1 deltas in the same statement, so rollups stay equal to a recomputation. This is
// also what removes a forged webhook record (an id Senar never had): it was written provisional,
// no full sync saw it, so it is marked here. Rows observed after the run started (a real webhook
// delivery that arrived meanwhile) are left alone: the list may have been fetched before them.
import { Prisma } from "../db/generated/client";
import { DELTA_COLS, dayOf, dropEmptyRollups, dropEmptyTraineeDays, rollupDeltaCtes } from "./rollups";
import { utcText } from "./write-sql";

const raw = Prisma.raw;

export async function markMissing(tx: Prisma.TransactionClient, ws: string, runId: string, cutoff: Date): Promise<number> {
  const at = utcText(cutoff);
  const users = await tx.senarUser.updateMany({
    where: { workspaceId: ws, presentAtSource: true, sourceAt: { lt: cutoff }, OR: [{ seenRunId: null }, { seenRunId: { not: runId } }] },
    data: { presentAtSource: false },
  });
  const cols = DELTA_COLS.map((c) => `"${c}"`).join(", ");
  const gone = await tx.$queryRaw<{ day: string | null; traineeId: string | null }[]>`
    WITH lk AS (SELECT pg_advisory_xact_lock_shared(hashtext('rollup'), hashtext(${ws}))::text AS ok),
    gone AS (
      UPDATE "Activity" a SET "presentAtSource" = false
      FROM lk
      WHERE a."workspaceId" = ${ws} AND a."presentAtSource" AND a."sourceAt" < ${at}::timestamp(3)
        AND (a."seenRunId" IS NULL OR a."seenRunId" <> ${runId})
      RETURNING ${raw(DELTA_COLS.map((c) => `a."${c}"`).join(", "))}
    ), moved AS (
      SELECT -1 AS sign, ${raw(cols)} FROM gone
    ), ${rollupDeltaCtes(ws, "moved")}
    SELECT ${dayOf(ws, `"trainingDate"`)}::text AS day, "traineeId" FROM gone`;
  const pairs = gone.filter((g) => g.day !== null && g.traineeId !== null).map((g) => ({ day: g.day!, traineeId: g.traineeId! }));
  if (pairs.length) await dropEmptyTraineeDays(tx, ws, pairs);
  if (gone.length) await dropEmptyRollups(tx, ws);
  return users.count + gone.length;
}
