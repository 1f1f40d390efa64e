import "server-only";
// Consumption metrics: records received per calendar day in the workspace's time zone (the
// local-day rule of server/db/sql-rules.ts, not the UTC day), by source and type.
// Written last in a writer's transaction, because every writer of a day shares the row.
import { Prisma } from "../db/generated/client";
import { dayOf } from "./rollups";
import { utcText, type DbClient } from "../db/sql";

/** The same, as a CTE definition (to follow `WITH …,`) for a caller's statement. */
export function usageCte(ws: string, source: "sync" | "webhook", type: "user" | "activity", count: number, at: Date): Prisma.Sql {
  return Prisma.sql`usage AS (
    INSERT INTO "UsageDaily" ("workspaceId", "day", "source", "type", "count")
    VALUES (${ws}, ${dayOf(ws, Prisma.sql`${utcText(at)}::timestamp`)}, ${source}, ${type}, ${count})
    ON CONFLICT ("workspaceId", "day", "source", "type") DO UPDATE SET "count" = "UsageDaily"."count" + EXCLUDED."count")`;
}

export async function addUsage(
  tx: DbClient,
  ws: string,
  source: "sync" | "webhook",
  type: "user" | "activity",
  count: number,
  at: Date,
): Promise<void> {
  if (count <= 0) return;
  await tx.$executeRaw`
    INSERT INTO "UsageDaily" ("workspaceId", "day", "source", "type", "count")
    VALUES (${ws}, ${dayOf(ws, Prisma.sql`${utcText(at)}::timestamp`)}, ${source}, ${type}, ${count})
    ON CONFLICT ("workspaceId", "day", "source", "type") DO UPDATE SET "count" = "UsageDaily"."count" + EXCLUDED."count"`;
}
