import "server-only";
// Set-based upsert of Senar activities, the one write path for full syncs and webhooks.
// Per batch, in one transaction: dimensions, then new rows (INSERT … ON CONFLICT DO NOTHING),
// then existing rows (UPDATE reading the locked previous version, so counts and rollup deltas
// are exact under concurrency), then usage. A row observed later (sourceAt) is never replaced,
// except that a full sync always replaces a provisional (webhook-written) row: Senar signs no
// delivery, so only its own list is authoritative. Rollups count the rows present at the source.
import type { Parsed, SenarActivity } from "../senar/schemas";
import { Prisma } from "../db/generated/client";
import { DELTA_COLS, dayOf, dropEmptyRollups, dropEmptyTraineeDays, rollupDeltaCtes, type TraineeDay } from "./rollups";
import { usageCte } from "./usage-count";
import { ACTIVITY_COLUMNS, FIELD_NAMES, toActivityRow, type ActivityRow } from "./activity-row";
import { dimensionCtes } from "./dimensions";
import { inTransaction, unnestOf, utcText, type DbClient } from "../db/sql";
import { lastByKey, type UpsertCounts, type WriteMeta } from "./write-helpers";

export async function upsertActivities(
  client: DbClient,
  workspaceId: string,
  records: Parsed<SenarActivity>[],
  meta: WriteMeta,
): Promise<UpsertCounts> {
  const rows = lastByKey(records.map(toActivityRow), (r) => r.id);
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  return inTransaction(client, async (tx) => {
    // One statement: rollup lock, dimensions, new rows, their rollup deltas, usage (each round
    // trip counts for a webhook). Only rows that already existed need a second statement.
    const inserted = await insertNew(tx, workspaceId, rows, meta, records.length);
    const existing = rows.filter((r) => !inserted.has(String(r.id)));
    const updated = existing.length ? await updateExisting(tx, workspaceId, existing, meta) : 0;
    return { inserted: inserted.size, updated, unchanged: rows.length - inserted.size - updated };
  });
}

const raw = Prisma.raw;
const cols = (prefix: string) => FIELD_NAMES.map((n) => `${prefix}"${n}"`).join(", ");

async function insertNew(tx: DbClient, ws: string, rows: ActivityRow[], meta: WriteMeta, received: number): Promise<Set<string>> {
  const now = utcText(new Date());
  const dims = dimensionCtes(ws, rows);
  // Shared rollup lock first (a rebuild takes it exclusively): `ins` reads `lk`, so it is taken
  // before any rollup row is written.
  const got = await tx.$queryRaw<{ id: string }[]>`
    WITH lk AS (SELECT pg_advisory_xact_lock_shared(hashtext('rollup'), hashtext(${ws}))::text AS ok),
    ${dims ? Prisma.sql`${dims},` : Prisma.empty}
    ins AS (
      INSERT INTO "Activity" ("workspaceId", "id", ${raw(cols(""))}, "presentAtSource", "provisional", "seenRunId", "sourceAt", "firstSeenAt", "updatedAt")
      SELECT ${ws}, i."id", ${raw(cols("i."))}, true, ${meta.source === "webhook"}::boolean, ${meta.runId ?? null}::text, ${utcText(meta.sourceAt)}::timestamp(3),
             ${now}::timestamp(3), ${now}::timestamp(3)
      FROM ${unnestOf(rows, ACTIVITY_COLUMNS)} CROSS JOIN lk
      ORDER BY i."id"
      ON CONFLICT ("workspaceId", "id") DO NOTHING
      RETURNING "id", ${raw(DELTA_COLS.map((c) => `"${c}"`).join(", "))}
    ), moved AS (
      SELECT 1 AS sign, ${raw(DELTA_COLS.map((c) => `"${c}"`).join(", "))} FROM ins
    ), ${rollupDeltaCtes(ws, "moved")},
    ${usageCte(ws, meta.source, "activity", received, new Date())}
    SELECT "id"::text AS id FROM ins`;
  return new Set(got.map((g) => g.id));
}

type Updated = { changed: boolean; revived: boolean; oldDay: string | null; oldTrainee: string | null; newDay: string | null; newTrainee: string | null };

async function updateExisting(tx: DbClient, ws: string, rows: ActivityRow[], meta: WriteMeta): Promise<number> {
  const now = utcText(new Date());
  const sets = FIELD_NAMES.map((n) => `"${n}" = i."${n}"`).join(", ");
  const oldCols = ["id", "hash", "presentAtSource", "provisional", ...DELTA_COLS].map((c) => `"${c}"`).join(", ");
  const deltaOld = DELTA_COLS.map((c) => `old."${c}" AS "old_${c}"`).join(", ");
  const deltaNew = DELTA_COLS.map((c) => `i."${c}" AS "new_${c}"`).join(", ");
  const fromSync = meta.source === "sync";
  const result = await tx.$queryRaw<Updated[]>`
    WITH i AS (SELECT * FROM ${unnestOf(rows, ACTIVITY_COLUMNS)}),
    old AS (
      SELECT ${raw(oldCols.split(", ").map((c) => `a.${c}`).join(", "))}
      FROM "Activity" a JOIN i ON a."workspaceId" = ${ws} AND a."id" = i."id"
      WHERE (a."sourceAt" <= ${utcText(meta.sourceAt)}::timestamp(3) OR (${fromSync}::boolean AND a."provisional"))
      ORDER BY a."id"
      FOR UPDATE OF a
    ), upd AS (
      UPDATE "Activity" a SET ${raw(sets)}, "presentAtSource" = true,
        "provisional" = CASE WHEN ${fromSync}::boolean THEN false ELSE old."provisional" OR old."hash" <> i."hash" END,
        "seenRunId" = COALESCE(${meta.runId ?? null}::text, a."seenRunId"),
        "sourceAt" = ${utcText(meta.sourceAt)}::timestamp(3),
        "updatedAt" = CASE WHEN old."hash" = i."hash" THEN a."updatedAt" ELSE ${now}::timestamp(3) END
      FROM i, old
      WHERE a."workspaceId" = ${ws} AND a."id" = i."id" AND old."id" = i."id"
      RETURNING old."hash" <> i."hash" AS changed, NOT old."presentAtSource" AS revived, ${raw(deltaOld)}, ${raw(deltaNew)}
    ), moved AS (
      -- A row marked not at the source is out of the rollups; it comes back when it reappears.
      SELECT -1 AS sign, ${raw(renamed("old_"))} FROM upd WHERE changed AND NOT revived
      UNION ALL
      SELECT 1 AS sign, ${raw(renamed("new_"))} FROM upd WHERE changed OR revived
    ), ${rollupDeltaCtes(ws, "moved")}
    SELECT changed, revived,
      ${dayOf(ws, `"old_trainingDate"`)}::text AS "oldDay", "old_traineeId" AS "oldTrainee",
      ${dayOf(ws, `"new_trainingDate"`)}::text AS "newDay", "new_traineeId" AS "newTrainee"
    FROM upd`;
  const left: TraineeDay[] = result
    .filter((r) => r.changed && !r.revived && r.oldDay !== null && r.oldTrainee !== null && (r.oldDay !== r.newDay || r.oldTrainee !== r.newTrainee))
    .map((r) => ({ day: r.oldDay!, traineeId: r.oldTrainee! }));
  if (left.length) await dropEmptyTraineeDays(tx, ws, left);
  if (result.some((r) => r.changed)) await dropEmptyRollups(tx, ws);
  return result.filter((r) => r.changed || r.revived).length;
}

function renamed(prefix: string): string {
  return DELTA_COLS.map((c) => `"${prefix}${c}" AS "${c}"`).join(", ");
}
