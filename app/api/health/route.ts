// GET /api/health: database mode, reachability and pending migrations; 200 when usable, else 503.
import { db, dbTarget } from "@/server/db/client";
import { checkDatabase } from "@/server/db/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const database = await checkDatabase(db, dbTarget().mode);
  const ok = database.reachable && database.pendingMigrations?.length === 0;
  const status = ok ? "ok" : database.reachable ? "migrations_pending" : "database_unreachable";
  return Response.json(
    { status, database, time: new Date().toISOString() },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
