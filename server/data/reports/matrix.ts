import "server-only";
// The competency matrix: trainees × scenarios of one collection, each cell the trainee's best
// score and attempts. Rows are paged in SQL (trainees sorted by name, or by scenarios passed);
// cells are read for the visible trainees only, through the (workspaceId, traineeId, …) index.
import { db } from "@/server/db/client";
import { competency, type Competency } from "@/lib/metrics";
import { scenarioKey, type MatrixFilters } from "@/lib/report-filters";
import { join, num, numOrNull, raw, sql, type Sql } from "@/server/db/sql";
import { passExpr, passMarkOf, scenarioJoin, scenarioTuple } from "@/server/db/sql-rules";
import { traineeMatch } from "./conditions";
import type { WorkspaceScope } from "@/server/auth/scope";

export type MatrixColumn = { key: string; simulatorId: number; scenarioId: string; name: string; simulator: string; passMark: number; passedCount: number; attemptedCount: number };
export type MatrixCell = { best: number | null; attempts: number; state: Competency; firstPassAt: Date | null };
export type MatrixRow = { traineeId: string; name: string; company: string | null; cells: Record<string, MatrixCell>; passed: number; attempted: number };
export type Matrix = {
  collection: { id: number; title: string } | null;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  total: number;
  page: number;
  pages: number;
};

/** Trainee conditions shared by the page query, the count and the CSV stream. */
function traineeConds(f: MatrixFilters, ctx: WorkspaceScope): Sql[] {
  const conds: Sql[] = [sql`t."workspaceId" = ${ctx.workspaceId}`];
  if (f.company) conds.push(sql`t.company = ${f.company}`);
  return [...conds, ...traineeMatch(f.q)];
}

/**
 * Keeps trainees with an attempt in the collection. A LATERAL probe with LIMIT 1 (which the
 * planner cannot turn into a semi-join) walks each trainee's own rows through the
 * (workspaceId, traineeId, trainingDate) index and stops at the first match, instead of
 * hashing every activity of the collection.
 */
function attemptedJoin(f: MatrixFilters, collectionId: number): Sql {
  // Cost centre belongs to the instructor: a trainee is "in" it when trained there in this collection.
  const costCenter = f.costCenter ? sql` AND a."userCostCenter" = ${f.costCenter}` : sql``;
  if (f.all && !f.costCenter) return sql``;
  return sql`CROSS JOIN LATERAL (SELECT 1 FROM "Activity" a WHERE a."workspaceId" = t."workspaceId" AND a."traineeId" = t.id AND a."collectionId" = ${collectionId}::int${costCenter} LIMIT 1) probe`;
}

export async function getMatrixColumns(ctx: WorkspaceScope, collectionId: number): Promise<MatrixColumn[]> {
  const rows = await db.$queryRaw<{ simulatorId: number; scenarioId: string; name: string | null; simulator: string | null; passMark: number }[]>(sql`
    SELECT sc."simulatorId", sc.id AS "scenarioId", sc.name, s.title AS simulator, ${passMarkOf(ctx.passMark)} AS "passMark"
    FROM "Scenario" sc JOIN "Simulator" s ON s."workspaceId" = sc."workspaceId" AND s.id = sc."simulatorId"
    WHERE sc."workspaceId" = ${ctx.workspaceId} AND s."collectionId" = ${collectionId}::int
    ORDER BY lower(COALESCE(s.title, '')), s.id, sc.id`);
  return rows.map((r) => ({
    key: scenarioKey(r.simulatorId, r.scenarioId), simulatorId: num(r.simulatorId), scenarioId: r.scenarioId, name: r.name ?? r.scenarioId,
    simulator: r.simulator ?? `Simulator ${r.simulatorId}`, passMark: num(r.passMark), passedCount: 0, attemptedCount: 0,
  }));
}

type CellRaw = { traineeId: string; simulatorId: number; scenarioId: string; best: number | null; attempts: number; firstPassAt: Date | null };

async function cellsFor(ctx: WorkspaceScope, collectionId: number, traineeIds: string[], f: MatrixFilters): Promise<CellRaw[]> {
  if (traineeIds.length === 0) return [];
  const costCenter = f.costCenter ? sql` AND a."userCostCenter" = ${f.costCenter}` : sql``;
  return db.$queryRaw<CellRaw[]>(sql`
    SELECT a."traineeId", a."simulatorId", a."scenarioId", MAX(a."scorePct") AS best, COUNT(*)::int AS attempts,
           MIN(a."trainingDate") FILTER (WHERE ${passExpr(ctx.passMark)}) AS "firstPassAt"
    FROM "Activity" a ${scenarioJoin()}
    WHERE a."workspaceId" = ${ctx.workspaceId} AND a."traineeId" = ANY(${traineeIds}::text[]) AND a."collectionId" = ${collectionId}::int${costCenter}
    GROUP BY 1, 2, 3`);
}

type TraineeRaw = { id: string; firstName: string | null; lastName: string | null; company: string | null };

const BY_NAME = raw(`lower(COALESCE(t."lastName", '')), lower(COALESCE(t."firstName", '')), t.id`);

/**
 * "Most scenarios passed" ordering: one aggregate over the collection's activities joined to the
 * trainees (a correlated count per trainee would probe the activities once per person).
 */
function passedJoin(ctx: WorkspaceScope, f: MatrixFilters, collectionId: number): Sql {
  if (f.sort !== "passed") return sql``;
  const costCenter = f.costCenter ? sql` AND a."userCostCenter" = ${f.costCenter}` : sql``;
  return sql`LEFT JOIN (
    SELECT a."traineeId" AS id, COUNT(DISTINCT ${scenarioTuple()}) AS n FROM "Activity" a ${scenarioJoin()}
    WHERE a."workspaceId" = ${ctx.workspaceId} AND a."collectionId" = ${collectionId}::int${costCenter}
      AND ${passExpr(ctx.passMark)}
    GROUP BY a."traineeId"
  ) passed ON passed.id = t.id`;
}
const orderBy = (f: MatrixFilters): Sql => (f.sort === "passed" ? sql`COALESCE(passed.n, 0) DESC, ${BY_NAME}` : BY_NAME);

function buildRows(people: TraineeRaw[], cells: CellRaw[], columns: MatrixColumn[], ctx: WorkspaceScope): MatrixRow[] {
  const colByKey = new Map(columns.map((c) => [c.key, c]));
  const rows = new Map<string, MatrixRow>(
    people.map((p) => [p.id, { traineeId: p.id, name: [p.firstName, p.lastName].filter(Boolean).join(" ") || p.id, company: p.company, cells: {}, passed: 0, attempted: 0 }]),
  );
  for (const c of cells) {
    const row = rows.get(c.traineeId);
    const key = scenarioKey(c.simulatorId, c.scenarioId);
    const col = colByKey.get(key);
    if (!row || !col) continue;
    const best = numOrNull(c.best);
    const state = competency(best, num(c.attempts), ctx.passMark, col.passMark);
    row.cells[key] = { best, attempts: num(c.attempts), state, firstPassAt: c.firstPassAt };
    row.attempted += 1;
    if (state === "passed") row.passed += 1;
  }
  return [...rows.values()];
}

export async function getMatrix(ctx: WorkspaceScope, f: MatrixFilters, collectionId: number): Promise<Matrix> {
  const [collection, columns] = await Promise.all([
    db.collection.findUnique({ where: { workspaceId_id: { workspaceId: ctx.workspaceId, id: collectionId } } }),
    getMatrixColumns(ctx, collectionId),
  ]);
  const conds = traineeConds(f, ctx);
  // One pass over the trainees gives both the page and the total (a window count).
  const people = await db.$queryRaw<(TraineeRaw & { total: number })[]>(sql`
    SELECT t.id, t."firstName", t."lastName", t.company, COUNT(*) OVER ()::int AS total
    FROM "Trainee" t ${attemptedJoin(f, collectionId)} ${passedJoin(ctx, f, collectionId)} WHERE ${join(conds, " AND ")}
    ORDER BY ${orderBy(f)} LIMIT ${f.size}::int OFFSET ${(f.page - 1) * f.size}::int`);
  const count =
    people.length > 0
      ? [{ n: num(people[0]!.total) }]
      : await db.$queryRaw<{ n: number }[]>(sql`SELECT COUNT(*)::int AS n FROM "Trainee" t ${attemptedJoin(f, collectionId)} WHERE ${join(conds, " AND ")}`);
  const cells = await cellsFor(ctx, collectionId, people.map((p) => p.id), f);
  const rows = buildRows(people, cells, columns, ctx);
  // Column summaries for the visible page (what the eye sees; the CSV has every row).
  for (const col of columns) {
    for (const r of rows) {
      const cell = r.cells[col.key];
      if (!cell) continue;
      col.attemptedCount += 1;
      if (cell.state === "passed") col.passedCount += 1;
    }
  }
  const total = num(count[0]?.n);
  return {
    collection: collection ? { id: collection.id, title: collection.title ?? `Collection ${collection.id}` } : null,
    columns,
    rows,
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / f.size)),
  };
}

/** Every row of the matrix in pages of trainees, for CSV export. */
export async function* streamMatrix(ctx: WorkspaceScope, f: MatrixFilters, collectionId: number, chunk = 500): AsyncGenerator<{ columns: MatrixColumn[]; rows: MatrixRow[] }> {
  const columns = await getMatrixColumns(ctx, collectionId);
  const conds = traineeConds(f, ctx);
  let after: { k: string; id: string } | null = null;
  const key = raw(`lower(COALESCE(t."lastName", '') || ' ' || COALESCE(t."firstName", ''))`);
  for (;;) {
    const page: Sql[] = after ? [...conds, sql`(${key}, t.id) > (${after.k}, ${after.id})`] : conds;
    const people = await db.$queryRaw<(TraineeRaw & { k: string })[]>(sql`
      SELECT t.id, t."firstName", t."lastName", t.company, ${key} AS k FROM "Trainee" t ${attemptedJoin(f, collectionId)} WHERE ${join(page, " AND ")}
      ORDER BY ${key}, t.id LIMIT ${chunk}::int`);
    if (people.length === 0) return;
    const cells = await cellsFor(ctx, collectionId, people.map((p) => p.id), f);
    yield { columns, rows: buildRows(people, cells, columns, ctx) };
    const last = people[people.length - 1]!;
    after = { k: last.k, id: last.id };
    if (people.length < chunk) return;
  }
}

export async function firstCollectionId(workspaceId: string): Promise<number | null> {
  const c = await db.collection.findFirst({ where: { workspaceId }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true } });
  return c?.id ?? null;
}
