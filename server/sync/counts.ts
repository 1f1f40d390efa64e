import "server-only";
// The shape of SyncRun.counts: per kind, records new / updated / unchanged / invalid, and the
// number of cached rows a complete run found missing at the source.
export type KindCounts = { new: number; updated: number; unchanged: number; invalid: number };
export type SyncCounts = { users: KindCounts; activities: KindCounts; missing: number };

const zero = (): KindCounts => ({ new: 0, updated: 0, unchanged: 0, invalid: 0 });
export const emptyCounts = (): SyncCounts => ({ users: zero(), activities: zero(), missing: 0 });

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
function kind(v: unknown): KindCounts {
  const o = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  return { new: num(o.new), updated: num(o.updated), unchanged: num(o.unchanged), invalid: num(o.invalid) };
}

export function parseCounts(json: unknown): SyncCounts {
  const o = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  return { users: kind(o.users), activities: kind(o.activities), missing: num(o.missing) };
}

export const kindTotal = (k: KindCounts) => k.new + k.updated + k.unchanged + k.invalid;
export const totalOf = (c: SyncCounts) => kindTotal(c.users) + kindTotal(c.activities);
