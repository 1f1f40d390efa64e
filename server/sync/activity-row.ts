import "server-only";
// An activity as the writers store it: the parsed fields plus score %, hash and raw JSON,
// and the column list (name, PostgreSQL type, getter) the unnest() statements are built from,
// derived from the one field table (server/db/activity-fields.ts).
import { scorePct } from "@/lib/metrics";
import { STORED_COLUMNS, type FieldKind, type StoredField } from "../db/activity-fields";
import { cleanText, rawJson, utcText, type Column } from "../db/sql";
import type { Parsed, SenarActivity } from "../senar/schemas";
import { recordHash } from "./write-helpers";

export type ActivityRow = SenarActivity & { scorePct: number | null; hash: string; rawText: string };

// The Senar schema and the field table must name the same fields (scorePct is ours): this
// line stops compiling when a field is added to one and not the other.
const agree: [Exclude<keyof SenarActivity, StoredField>, Exclude<StoredField, keyof SenarActivity | "scorePct">] extends [never, never] ? true : never = true;
void agree;

type Value = string | number | Date | null;
const SQL_TYPE: Record<FieldKind, { type: string; get: (v: Value) => string | number | null }> = {
  id: { type: "bigint", get: (v) => (v === null ? null : String(v)) },
  text: { type: "text", get: (v) => cleanText(v as string | null) },
  int: { type: "int", get: (v) => v as number | null },
  float: { type: "float8", get: (v) => v as number | null },
  timestamp: { type: "timestamp(3)", get: (v) => utcText(v as Date | null) },
  bool: { type: "boolean", get: (v) => (v === null ? null : String(v)) },
};

/** Every stored column of an activity, in the order of the unnest() columns. */
export const ACTIVITY_COLUMNS: Column<ActivityRow>[] = [
  ...STORED_COLUMNS.map(({ name, kind }): Column<ActivityRow> => {
    const t = SQL_TYPE[kind];
    return { name, type: t.type, get: (r) => t.get(r[name]) };
  }),
  { name: "raw", type: "jsonb", get: (r) => r.rawText },
  { name: "hash", type: "text", get: (r) => r.hash },
];

export const FIELD_NAMES = ACTIVITY_COLUMNS.map((c) => c.name).filter((n) => n !== "id");

export function toActivityRow(p: Parsed<SenarActivity>): ActivityRow {
  const r = p.record;
  return { ...r, scorePct: scorePct(r.totalPoints, r.totalMaxPoints), hash: recordHash(r), rawText: rawJson(p.raw) };
}
