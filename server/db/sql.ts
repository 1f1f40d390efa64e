import "server-only";
// The one home for hand-written SQL: the tagged template and its one `Sql` fragment type, the
// client type both `db` and a transaction satisfy, how JS values go in as parameters (UTC
// timestamps, text PostgreSQL accepts, unnest() columns) and how aggregates come back out.
// The rules the queries share (pass, local day, scenario join) live in sql-rules.ts.
import type { Db } from "./client";
import { Prisma } from "./generated/client";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;
export const raw = Prisma.raw;

/** What both `db` and a transaction client are: anything that runs a statement. */
export type DbClient = Db | Prisma.TransactionClient;

/** Runs `fn` in a transaction, unless the caller already holds one (then it is part of it). */
export async function inTransaction<T>(client: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // A transaction client also answers $transaction (nesting), but only the root has $connect.
  if (typeof (client as { $connect?: unknown }).$connect === "function") {
    return (client as Db).$transaction(fn, { timeout: 120_000, maxWait: 30_000 });
  }
  return fn(client as Prisma.TransactionClient);
}

export const where = (conds: Sql[]): Sql => (conds.length ? sql`WHERE ${join(conds, " AND ")}` : empty);

// ─── Parameters in ───────────────────────────────────────────────────────────

/** A timestamp for a `timestamp(3)` column holding UTC (as Prisma stores DateTime). */
export function utcText(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 23) : null;
}

// PostgreSQL text refuses NUL bytes and unpaired UTF-16 surrogates (which JSON can carry).
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export function cleanText(v: string | null): string | null {
  if (v === null || (!v.includes("\u0000") && !SURROGATE.test(v))) return v;
  return v.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
}

/** The raw record as JSON text safe for jsonb. */
export function rawJson(value: unknown): string {
  const text = JSON.stringify(value ?? null) ?? "null";
  if (!text.includes("\\u0000") && !/\\ud[89a-f]/i.test(text)) return text;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "string" ? cleanText(v) : v));
}

export type Column<T> = { name: string; type: string; get: (t: T) => string | number | null };

/** `unnest($1::type[], …) AS i("a", …)`: one parameter per column, whatever the row count. */
export function unnestOf<T>(rows: T[], columns: Column<T>[]): Sql {
  const arrays = columns.map((c) => sql`${rows.map(c.get)}::${raw(c.type)}[]`);
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  return sql`unnest(${join(arrays)}) AS i(${raw(names)})`;
}

// ─── Results out ─────────────────────────────────────────────────────────────

/** Numbers from SQL aggregates (bigint, numeric or null) as JS numbers. */
export function num(v: unknown): number {
  if (v == null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  const n = Number(String(v));
  return Number.isFinite(n) ? n : 0;
}
export function numOrNull(v: unknown): number | null {
  return v == null ? null : num(v);
}
/** A DATE column as YYYY-MM-DD (drivers hand it back as a Date at UTC midnight, or a string). */
export function isoDay(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
