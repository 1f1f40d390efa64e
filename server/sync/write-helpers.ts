import "server-only";
// What the set-based writers (upserts, invalid records) share beyond SQL itself: the write's
// provenance and counts, a stable record hash, and one-row-per-key batches.
import { createHash } from "node:crypto";

export type WriteMeta = { source: "sync" | "webhook"; sourceAt: Date; runId?: string };
export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/** Same parsed record → same hash; key order comes from the zod schema, so it is stable. */
export function recordHash(record: object): string {
  return createHash("sha1").update(JSON.stringify(record)).digest("base64url");
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
