import "server-only";
// Server start: validate env (a bad value stops the server with a clear message), take the
// embedded database folder (this process owns it and serves it to the CLI), apply pending
// migrations to it and bind its old-format secrets to their rows; close it on SIGINT/SIGTERM.
import { upgradeSecrets } from "./auth/rotate-keys";
import { openEmbeddedFolder } from "./db/adapter";
import { db, dbFactory, disconnectDb } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { env } from "./env";
import { log } from "./log";
import { closeOnSignals } from "./shutdown";

export async function boot(): Promise<void> {
  const e = env();
  closeOnSignals(disconnectDb);
  if (e.dbMode === "embedded") {
    await openEmbeddedFolder(dbFactory(), "portal");
    const applied = await applyMigrations(dbFactory());
    if (applied.length) log.info("applied migrations to the embedded database", { applied });
    const upgraded = await upgradeSecrets(db);
    if (upgraded.workspaces || upgraded.users) log.info("bound stored secrets to their rows", upgraded);
  }
  if (e.secretsGenerated) log.info("using generated secrets kept in the data folder", { dataDir: e.DATA_DIR });
  // Scheduled syncs on a plain Node server; on Vercel, Cron calls /api/cron/sync instead.
  if (e.SCHEDULER !== "off" && !e.VERCEL) {
    const { startScheduler } = await import("./sync/scheduler");
    startScheduler();
  }
}
