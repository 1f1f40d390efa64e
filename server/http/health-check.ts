import "server-only";
// The answer of GET /api/health, so the route stays an adapter and app/ never imports server/db.
import { dbTarget, db } from "@/server/db/client";
import { checkDatabase, healthAnswer } from "@/server/db/health";
import { hasCronSecret } from "./cron-auth";

/** 200 or 503 for the shared database; the details only for a caller holding CRON_SECRET. */
export async function healthResponse(req: Request): Promise<Response> {
  return healthAnswer(await checkDatabase(db, dbTarget().mode), hasCronSecret(req));
}
