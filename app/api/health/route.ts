// GET /api/health: 200 {status:"ok"} when the database is usable (reachable, migrations applied),
// else 503 {status:"unavailable"}. The details (mode, latency, pending migration names, reason)
// go only to callers with `Authorization: Bearer $CRON_SECRET`: they tell a stranger which
// version runs and what is broken.
import { db, dbTarget } from "@/server/db/client";
import { checkDatabase, healthAnswer } from "@/server/db/health";
import { hasCronSecret } from "@/server/http/cron-auth";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  return healthAnswer(await checkDatabase(db, dbTarget().mode), hasCronSecret(req));
}
