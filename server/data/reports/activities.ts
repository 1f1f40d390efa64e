import "server-only";
// The activities explorer: one filtered, sorted page at a time (OFFSET paging with a capped
// count), and a keyset-paged stream of the same filtered set for CSV export, so a million
// rows never sit in memory.
import { db } from "@/server/db/client";
import { resolveRange, type ReportFilters, type SortKey } from "@/lib/report-filters";
import { empty, join, num, numOrNull, raw, sql, where, type Sql } from "@/server/db/sql";
import { passExpr, scenarioJoin } from "@/server/db/sql-rules";
import { ACTIVITY_FIELD_NAMES, fieldsOfKind, type ReportActivity } from "@/server/db/activity-fields";
import { activityConditions } from "./conditions";
import type { WorkspaceScope } from "@/server/auth/scope";

export type { ReportActivity };

type RawRow = Omit<ReportActivity, "id"> & { id: bigint; k?: string };

// Sort keys as non-null expressions (so keyset comparisons are total) and the type to cast the
// keyset value back to. Date sorts use the bare column: the range filter excludes null dates,
// and the (workspaceId, trainingDate) index then serves the order.
const SORTS: Record<SortKey, { expr: string; type: "timestamp" | "float8" | "text"; indexed?: boolean }> = {
  date: { expr: `a."trainingDate"`, type: "timestamp", indexed: true },
  score: { expr: `COALESCE(a."scorePct", -1)`, type: "float8" },
  trainee: { expr: `lower(COALESCE(a."lastName", '') || ' ' || COALESCE(a."firstName", ''))`, type: "text" },
  scenario: { expr: `lower(COALESCE(a."scenarioName", a."scenarioId", ''))`, type: "text" },
  duration: { expr: `COALESCE(a."totalSec", -1)`, type: "float8" },
  tries: { expr: `COALESCE(a."totalTries", -1)`, type: "float8" },
  company: { expr: `lower(COALESCE(a.company, ''))`, type: "text" },
  instructor: { expr: `lower(COALESCE(a."userLastName", '') || ' ' || COALESCE(a."userFirstName", ''))`, type: "text" },
};

// The report row's fields (server/db/activity-fields.ts) in table order, so a row's properties
// come in that order (the API's JSON and CSV rely on it): stored ones as is, `passed` by the rule.
const selectList = (ctx: WorkspaceScope): Sql =>
  join(
    ACTIVITY_FIELD_NAMES.map((n) => (n === "passed" ? sql`${passExpr(ctx.passMark)} AS passed` : raw(`a."${n}"`))),
    ", ",
  );
const FLOAT_FIELDS = fieldsOfKind("float");

function toRow(r: RawRow): ReportActivity {
  const { k: _k, ...rest } = r;
  const row: ReportActivity = { ...rest, id: String(r.id) };
  // Drivers may hand float8 aggregates back as text; the row promises numbers.
  for (const n of FLOAT_FIELDS) row[n] = numOrNull(row[n]);
  return row;
}

export const COUNT_CAP = 100_000;

export type ActivityPage = { rows: ReportActivity[]; total: number; capped: boolean; page: number; pages: number; from: string; to: string };

export async function listActivities(ctx: WorkspaceScope, f: ReportFilters, now = new Date()): Promise<ActivityPage> {
  const range = resolveRange(f, ctx.timeZone, now);
  const conds = activityConditions(ctx, f, range);
  const needsJoin = f.result !== undefined;
  const s = SORTS[f.sort];
  const dir = raw(f.dir === "asc" ? "ASC" : "DESC");
  const offset = (f.page - 1) * f.size;
  const [rows, countRows] = await Promise.all([
    db.$queryRaw<RawRow[]>(sql`
      SELECT ${selectList(ctx)} FROM "Activity" a ${scenarioJoin()} ${where(conds)}
      ORDER BY ${raw(s.expr)} ${dir}, a.id ${dir} LIMIT ${f.size}::int OFFSET ${offset}::int`),
    // Counting stops at the cap: "100,000+" is as useful as an exact figure and stays fast.
    db.$queryRaw<{ n: number }[]>(sql`
      SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM "Activity" a ${needsJoin ? scenarioJoin() : empty} ${where(conds)} LIMIT ${COUNT_CAP + 1}::int) x`),
  ]);
  const n = num(countRows[0]?.n);
  const capped = n > COUNT_CAP;
  const total = Math.min(n, COUNT_CAP);
  return { rows: rows.map(toRow), total, capped, page: f.page, pages: Math.max(1, Math.ceil(total / f.size)), from: range.from, to: range.to };
}

/** Exact size of the filtered set (the explorer caps its count; the API's paging must not). */
export async function countActivities(ctx: WorkspaceScope, f: ReportFilters, now = new Date()): Promise<number> {
  const conds = activityConditions(ctx, f, resolveRange(f, ctx.timeZone, now));
  const needsJoin = f.result !== undefined;
  const rows = await db.$queryRaw<{ n: number }[]>(sql`SELECT COUNT(*)::float8 AS n FROM "Activity" a ${needsJoin ? scenarioJoin() : empty} ${where(conds)}`);
  return num(rows[0]?.n);
}

/**
 * Every activity of the filtered set, in the table's order, in chunks fetched by keyset
 * (sort value, id) so each query is an index range read and memory stays at one chunk.
 */
export async function* streamActivities(ctx: WorkspaceScope, f: ReportFilters, chunk = 5_000, now = new Date()): AsyncGenerator<ReportActivity[]> {
  const range = resolveRange(f, ctx.timeZone, now);
  const base = activityConditions(ctx, f, range);
  const s = SORTS[f.sort];
  const asc = f.dir === "asc";
  const dir = raw(asc ? "ASC" : "DESC");
  let after: { k: string; id: bigint } | null = null;
  for (;;) {
    const conds: Sql[] = [...base];
    if (after) {
      const cmp = raw(asc ? ">" : "<");
      conds.push(sql`(${raw(s.expr)}, a.id) ${cmp} (${after.k}::${raw(s.type)}, ${after.id.toString()}::bigint)`);
      // The row comparison is not an index condition for (workspaceId, trainingDate); this
      // redundant bound is, so each chunk seeks to the cursor instead of rescanning from the top.
      if (s.indexed) conds.push(sql`${raw(s.expr)} ${raw(asc ? ">=" : "<=")} ${after.k}::${raw(s.type)}`);
    }
    const rows: RawRow[] = await db.$queryRaw<RawRow[]>(sql`
      SELECT ${selectList(ctx)}, (${raw(s.expr)})::text AS k FROM "Activity" a ${scenarioJoin()} ${where(conds)}
      ORDER BY ${raw(s.expr)} ${dir}, a.id ${dir} LIMIT ${chunk}::int`);
    if (rows.length === 0) return;
    yield rows.map(toRow);
    const last: RawRow = rows[rows.length - 1]!;
    after = { k: last.k ?? "", id: BigInt(last.id) };
    if (rows.length < chunk) return;
  }
}

