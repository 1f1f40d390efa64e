import "server-only";
// Database health for /api/health: mode, reachability within a deadline, pending migrations,
// and the answer (details only for the operator).
import { type Db } from "./client";
import { migrationNames } from "./migrate";

export type DbHealth = {
  mode: "embedded" | "postgres";
  reachable: boolean;
  latencyMs?: number;
  pendingMigrations: string[] | null;
  error?: string;
};

function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

// Turns driver errors into one plain sentence; never a stack trace or a connection string.
function reason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED|Can't reach database server/i.test(msg)) return "connection refused: the database server is not running or not reachable";
  if (/ENOTFOUND|EAI_AGAIN/i.test(msg)) return "the database host name could not be resolved";
  if (/password authentication|authentication failed/i.test(msg)) return "the database rejected the credentials";
  if (/does not exist/i.test(msg)) return "the database does not exist";
  if (/did not answer|timeout/i.test(msg)) return msg.replace(/postgres(ql)?:\/\/\S+/g, "[url]");
  return "the database could not be queried";
}

export async function checkDatabase(db: Db, mode: DbHealth["mode"], timeoutMs = 3_000): Promise<DbHealth> {
  const started = performance.now();
  try {
    await withDeadline(db.$queryRaw`SELECT 1`, timeoutMs, "the database");
    const latencyMs = Math.round(performance.now() - started);
    const applied = await withDeadline(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeoutMs,
      "the database",
    ).catch(() => [] as { migration_name: string }[]);
    const done = new Set(applied.map((r) => r.migration_name));
    const pending = (await migrationNames()).filter((n) => !done.has(n));
    return { mode, reachable: true, latencyMs, pendingMigrations: pending };
  } catch (err) {
    return { mode, reachable: false, pendingMigrations: null, error: reason(err) };
  }
}

/** The /api/health answer: plain ok/unavailable for the public, the details for an operator. */
export function healthAnswer(database: DbHealth, detailed: boolean): Response {
  const ok = database.reachable && database.pendingMigrations?.length === 0;
  const headers = { "Cache-Control": "no-store" };
  const code = ok ? 200 : 503;
  if (!detailed) return Response.json({ status: ok ? "ok" : "unavailable" }, { status: code, headers });
  const status = ok ? "ok" : database.reachable ? "migrations_pending" : "database_unreachable";
  return Response.json({ status, database, time: new Date().toISOString() }, { status: code, headers });
}
