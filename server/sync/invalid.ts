import "server-only";
// Records Senar sent that could not be used: kept aside with the reason, never dropped silently.
import type { Refused } from "../senar/schemas";
import { cleanText, rawJson, type Queryable } from "./write-sql";

export async function saveInvalid(
  client: Queryable,
  workspaceId: string,
  kind: "user" | "activity",
  refused: Refused[],
  where: { source: "sync" | "webhook"; runId?: string; deliveryId?: bigint },
): Promise<void> {
  if (refused.length === 0) return;
  await client.$executeRaw`
    INSERT INTO "InvalidRecord" ("workspaceId", "kind", "source", "runId", "deliveryId", "reason", "raw")
    SELECT ${workspaceId}, ${kind}, ${where.source}, ${where.runId ?? null}::text, ${where.deliveryId ?? null}::bigint, r.reason, r.raw
    FROM unnest(${refused.map((r) => cleanText(r.reason.slice(0, 500)))}::text[], ${refused.map((r) => rawJson(r.raw))}::jsonb[]) AS r(reason, raw)`;
}
