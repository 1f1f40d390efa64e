// GET /api/health: 200 {status:"ok"} when the database is usable (reachable, migrations applied),
// else 503 {status:"unavailable"}. The details (mode, latency, pending migration names, reason)
// go only to callers with `Authorization: Bearer $CRON_SECRET`: they tell a stranger which
// version runs and what is broken.
import { healthResponse } from "@/server/http/health-check";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  return healthResponse(req);
}
