import "server-only";
// Shared helpers for the set-based writers: the client type both `db` and a transaction
// satisfy, a stable record hash, and text cleaning PostgreSQL needs (no NUL, no lone surrogates).
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

export type Queryable = Db | Prisma.TransactionClient;
export type WriteMeta = { source: "sync" | "webhook"; sourceAt: Date; runId?: string };
export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/** Runs `fn` in a transaction, unless the caller already holds one (then it is part of it). */
export async function inTransaction<T>(client: Queryable, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // A transaction client also answers $transaction (nesting), but only the root has $connect.
  if (typeof (client as { $connect?: unknown }).$connect === "function") {
    return (client as Db).$transaction(fn, { timeout: 120_000, maxWait: 30_000 });
  }
  return fn(client as Prisma.TransactionClient);
}

/** Same parsed record → same hash; key order comes from the zod schema, so it is stable. */
export function recordHash(record: object): string {
  return createHash("sha1").update(JSON.stringify(record)).digest("base64url");
}

// PostgreSQL text refuses NUL bytes and unpaired UTF-16 surrogates (which JSON can carry).
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export function cleanText(v: string | null): string | null {
  if (v === null || (!v.includes("\u0000") && !SURROGATE.test(v))) return v;
  return v.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
}

/** The raw record as JSON text safe for jsonb. */
export function rawJson(raw: unknown): string {
  const text = JSON.stringify(raw ?? null) ?? "null";
  if (!text.includes("\\u0000") && !/\\ud[89a-f]/i.test(text)) return text;
  return JSON.stringify(raw, (_k, v: unknown) => (typeof v === "string" ? cleanText(v) : v));
}

/** A timestamp for a `timestamp(3)` column holding UTC (as Prisma stores DateTime). */
export function utcText(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 23) : null;
}

/** Keeps the last occurrence of each key (one statement cannot touch a row twice). */
export function lastByKey<T>(items: T[], key: (t: T) => string | number): T[] {
  const m = new Map<string | number, T>();
  for (const it of items) {
    const k = key(it);
    m.delete(k);
    m.set(k, it);
  }
  return [...m.values()];
}

export type Column<T> = { name: string; type: string; get: (t: T) => string | number | null };

/** `unnest($1::type[], …) AS i("a", …)`: one parameter per column, whatever the row count. */
export function unnestOf<T>(rows: T[], columns: Column<T>[]): Prisma.Sql {
  const arrays = columns.map((c) => Prisma.sql`${rows.map(c.get)}::${Prisma.raw(c.type)}[]`);
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  return Prisma.sql`unnest(${Prisma.join(arrays)}) AS i(${Prisma.raw(names)})`;
}
