import "server-only";
// The report rules as SQL, written once for the rollup writers and the report queries alike:
// what "passed" means, which local day a timestamp falls on, and how an activity finds its
// scenario. lib/metrics.ts (isPass) is the same pass rule for code that runs in the browser.
// Arguments are SQL fragments or values: a string or number becomes a parameter, a fragment
// (`raw('w.tz')`) is inlined, so the set-based writers can pass a joined column instead.
import { raw, sql, type Sql } from "./sql";

const col = (alias: string, name: string): Sql => raw(`${alias}."${name}"`);

/** The local calendar day of a UTC timestamp (`timestamp` column holding UTC) in a time zone. */
export function localDay(utc: Sql, timeZone: string | Sql): Sql {
  return sql`(((${utc}) AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
}

/** The UTC instant (a timestamp without zone, like trainingDate) where a local day starts. */
export function localDayStart(day: string | Sql, timeZone: string | Sql): Sql {
  return sql`((${day}::date::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`;
}

/**
 * Brings the activity's scenario as `sc` (its own pass mark overrides the workspace's). The
 * scenario key is (workspaceId, simulatorId, scenarioId); `workspace` defaults to the row's own.
 */
export function scenarioJoin(alias = "a", workspace: Sql = col(alias, "workspaceId")): Sql {
  return sql`LEFT JOIN "Scenario" sc ON sc."workspaceId" = ${workspace} AND sc."simulatorId" = ${col(alias, "simulatorId")} AND sc.id = ${col(alias, "scenarioId")}`;
}

/** The scenario key as one value, `<simulatorId>:<scenarioId>` (lib/report-filters scenarioKey). */
export const scenarioKey = (alias = "a"): Sql => sql`${col(alias, "simulatorId")}::text || ':' || ${col(alias, "scenarioId")}`;

/** The scenario key as a row value, for COUNT(DISTINCT …) of scenarios. */
export const scenarioTuple = (alias = "a"): Sql => sql`(${col(alias, "simulatorId")}, ${col(alias, "scenarioId")})`;

/** The pass mark that applies: the joined scenario's (`sc`), else the workspace's. */
export const passMarkOf = (workspacePassMark: number | Sql): Sql => sql`COALESCE(sc."passMark", ${workspacePassMark}::float8)`;

/** Pass = score ≥ the pass mark that applies; null without a score. Needs scenarioJoin. */
export const passExpr = (workspacePassMark: number | Sql, alias = "a"): Sql => sql`(${col(alias, "scorePct")} >= ${passMarkOf(workspacePassMark)})`;
