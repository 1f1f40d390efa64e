import "server-only";
// Dimension tables derived from a batch of activities, in one statement. Rows already equal
// are filtered out first, so concurrent webhook writers do not queue on shared rows; within a
// batch the newest activity (by trainingDate) names a dimension. A null never erases a name.
import { Prisma } from "../db/generated/client";
import { unnestOf, type Queryable } from "./write-sql";
import { ACTIVITY_COLUMNS, type ActivityRow } from "./activity-row";

const NEEDED = new Set([
  "collectionId", "collectionTitle", "simulatorId", "simulatorTitle", "scenarioId", "scenarioName", "totalMaxPoints",
  "traineeId", "firstName", "lastName", "traineeEmail", "company", "traineeProfile",
  "userId", "userFirstName", "userLastName", "userEmail", "userCostCenter", "userAccountName", "trainingDate",
]);
const COLUMNS = ACTIVITY_COLUMNS.filter((c) => NEEDED.has(c.name));

// For each dimension: table, key (input expr → column), attributes (input expr → column).
type Dim = { table: string; key: [string, string][]; attrs: [string, string][] };
const DIMS: Dim[] = [
  { table: "Collection", key: [["collectionId", "id"]], attrs: [["collectionTitle", "title"]] },
  { table: "Simulator", key: [["simulatorId", "id"]], attrs: [["collectionId", "collectionId"], ["simulatorTitle", "title"]] },
  {
    table: "Scenario",
    key: [["simulatorId", "simulatorId"], ["scenarioId", "id"]],
    attrs: [["scenarioName", "name"], ["totalMaxPoints", "maxPoints"]],
  },
  {
    table: "Trainee",
    key: [["traineeId", "id"]],
    attrs: [["firstName", "firstName"], ["lastName", "lastName"], ["traineeEmail", "email"], ["company", "company"], ["traineeProfile", "profile"]],
  },
  {
    table: "Instructor",
    key: [["userId", "id"]],
    attrs: [
      ["userFirstName", "firstName"], ["userLastName", "lastName"], ["userEmail", "email"],
      ["userCostCenter", "costCenter"], ["userAccountName", "accountName"],
    ],
  },
  { table: "Company", key: [["company", "name"]], attrs: [] },
  { table: "CostCenter", key: [["userCostCenter", "name"]], attrs: [] },
];

function cte(d: Dim, ws: Prisma.Sql, n: number): string {
  const q = (s: string) => `"${s}"`;
  const keyIn = d.key.map(([i]) => `i.${q(i)}`).join(", ");
  const same = [
    ...d.key.map(([i, c]) => `x.${q(c)} = i.${q(i)}`),
    ...d.attrs.map(([i, c]) => `(i.${q(i)} IS NULL OR x.${q(c)} IS NOT DISTINCT FROM i.${q(i)})`),
  ].join(" AND ");
  const cols = ["workspaceId", ...d.key.map(([, c]) => c), ...d.attrs.map(([, c]) => c)].map(q).join(", ");
  const vals = [ws.text, ...d.key.map(([i]) => `i.${q(i)}`), ...d.attrs.map(([i]) => `i.${q(i)}`)].join(", ");
  const conflict = `("workspaceId", ${d.key.map(([, c]) => q(c)).join(", ")})`;
  const update = d.attrs.length
    ? `DO UPDATE SET ${d.attrs.map(([, c]) => `${q(c)} = COALESCE(EXCLUDED.${q(c)}, ${q(d.table)}.${q(c)})`).join(", ")}`
    : "DO NOTHING";
  return `d${n} AS (
    INSERT INTO ${q(d.table)} (${cols})
    SELECT DISTINCT ON (${keyIn}) ${vals} FROM di i
    WHERE ${d.key.map(([i]) => `i.${q(i)} IS NOT NULL`).join(" AND ")}
      AND NOT EXISTS (SELECT 1 FROM ${q(d.table)} x WHERE x."workspaceId" = ${ws.text} AND ${same})
    ORDER BY ${keyIn}, i."trainingDate" DESC NULLS LAST
    ON CONFLICT ${conflict} ${update})`;
}

/** Per dimension, the newest row of each key: a batch names few distinct dimensions. */
function distinctRows(rows: ActivityRow[]): ActivityRow[] {
  const keep = new Set<ActivityRow>();
  for (const d of DIMS) {
    const best = new Map<string, ActivityRow>();
    for (const r of rows) {
      const values = d.key.map(([i]) => r[i as keyof ActivityRow]);
      if (values.some((v) => v === null || v === undefined)) continue;
      const k = values.join("\u0001");
      const prev = best.get(k);
      if (!prev || (r.trainingDate?.getTime() ?? 0) >= (prev.trainingDate?.getTime() ?? 0)) best.set(k, r);
    }
    for (const r of best.values()) keep.add(r);
  }
  return [...keep];
}

/** CTE definitions (to follow `WITH`) upserting the dimensions of a batch; null when none. */
export function dimensionCtes(ws: string, all: ActivityRow[]): Prisma.Sql | null {
  const rows = distinctRows(all);
  if (rows.length === 0) return null;
  const ctes = DIMS.map((d, n) => cte(d, Prisma.raw("(SELECT id FROM wsid)"), n)).join(",\n");
  return Prisma.sql`wsid AS (SELECT ${ws}::text AS id), di AS (SELECT * FROM ${unnestOf(rows, COLUMNS)}),
    ${Prisma.raw(ctes)}`;
}

export async function upsertDimensions(tx: Queryable, ws: string, all: ActivityRow[]): Promise<void> {
  const rows = distinctRows(all);
  if (rows.length === 0) return;
  const ctes = DIMS.map((d, n) => cte(d, Prisma.raw("(SELECT id FROM ws)"), n)).join(",\n");
  await tx.$executeRaw`
    WITH ws AS (SELECT ${ws}::text AS id), di AS (SELECT * FROM ${unnestOf(rows, COLUMNS)}),
    ${Prisma.raw(ctes)}
    SELECT 1 FROM ws`;
}
