import "server-only";
// Set-based upsert of Senar users (same shape and guarantees as upsert-activities, including
// "a full sync always replaces a provisional, webhook-written row").
import { Prisma } from "../db/generated/client";
import type { Parsed, SenarUser } from "../senar/schemas";
import { cleanText, inTransaction, rawJson, unnestOf, utcText, type Column, type DbClient } from "../db/sql";
import { lastByKey, recordHash, type UpsertCounts, type WriteMeta } from "./write-helpers";
import { addUsage } from "./usage-count";

type UserRow = SenarUser & { hash: string; rawText: string };
type TextKey = Exclude<keyof SenarUser, "creationDate">;
const text = (name: TextKey): Column<UserRow> => ({ name, type: "text", get: (r) => cleanText(r[name]) });

const COLUMNS: Column<UserRow>[] = [
  text("id"),
  text("firstName"),
  text("lastName"),
  text("email"),
  text("language"),
  text("accountName"),
  text("countryName"),
  text("profile"),
  { name: "creationDate", type: "timestamp(3)", get: (r) => utcText(r.creationDate) },
  { name: "raw", type: "jsonb", get: (r) => r.rawText },
  { name: "hash", type: "text", get: (r) => r.hash },
];
const FIELDS = COLUMNS.map((c) => c.name).filter((n) => n !== "id");
const raw = Prisma.raw;

export async function upsertUsers(
  client: DbClient,
  workspaceId: string,
  records: Parsed<SenarUser>[],
  meta: WriteMeta,
): Promise<UpsertCounts> {
  const rows = lastByKey(
    records.map((p) => ({ ...p.record, id: cleanText(p.record.id) ?? p.record.id, hash: recordHash(p.record), rawText: rawJson(p.raw) })),
    (r) => r.id,
  );
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const now = utcText(new Date());
  const sourceAt = utcText(meta.sourceAt);
  const runId = meta.runId ?? null;
  const fromSync = meta.source === "sync";
  return inTransaction(client, async (tx) => {
    const ins = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "SenarUser" ("workspaceId", "id", ${raw(FIELDS.map((n) => `"${n}"`).join(", "))},
        "presentAtSource", "provisional", "seenRunId", "sourceAt", "firstSeenAt", "updatedAt")
      SELECT ${workspaceId}, i."id", ${raw(FIELDS.map((n) => `i."${n}"`).join(", "))},
        true, ${!fromSync}::boolean, ${runId}::text, ${sourceAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
      FROM ${unnestOf(rows, COLUMNS)}
      ORDER BY i."id"
      ON CONFLICT ("workspaceId", "id") DO NOTHING
      RETURNING "id"`;
    const inserted = new Set(ins.map((r) => r.id));
    const existing = rows.filter((r) => !inserted.has(r.id));
    let updated = 0;
    if (existing.length) {
      // `old` locks and reads the current version, so "changed" is exact under concurrency.
      const upd = await tx.$queryRaw<{ changed: boolean }[]>`
        WITH i AS (SELECT * FROM ${unnestOf(existing, COLUMNS)}),
        old AS (
          SELECT u."id", u."hash", u."provisional" FROM "SenarUser" u JOIN i ON u."workspaceId" = ${workspaceId} AND u."id" = i."id"
          WHERE (u."sourceAt" <= ${sourceAt}::timestamp(3) OR (${fromSync}::boolean AND u."provisional"))
          ORDER BY u."id" FOR UPDATE OF u
        )
        UPDATE "SenarUser" u SET ${raw(FIELDS.map((n) => `"${n}" = i."${n}"`).join(", "))}, "presentAtSource" = true,
          "provisional" = CASE WHEN ${fromSync}::boolean THEN false ELSE old."provisional" OR old."hash" <> i."hash" END,
          "seenRunId" = COALESCE(${runId}::text, u."seenRunId"), "sourceAt" = ${sourceAt}::timestamp(3),
          "updatedAt" = CASE WHEN old."hash" = i."hash" THEN u."updatedAt" ELSE ${now}::timestamp(3) END
        FROM i, old
        WHERE u."workspaceId" = ${workspaceId} AND u."id" = i."id" AND old."id" = i."id"
        RETURNING old."hash" <> i."hash" AS changed`;
      updated = upd.filter((r) => r.changed).length;
    }
    await addUsage(tx, workspaceId, meta.source, "user", records.length, new Date());
    return { inserted: inserted.size, updated, unchanged: rows.length - inserted.size - updated };
  });
}
