import "server-only";
// Server start: validate env (a bad value stops the server with a clear message), take the
// embedded database folder (this process owns it and serves it to the CLI) and apply pending
// migrations to it; close it on SIGINT/SIGTERM.
import { openEmbeddedFolder } from "./db/adapter";
import { dbFactory, disconnectDb } from "./db/client";
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
  }
  if (e.secretsGenerated) log.info("using generated secrets kept in the data folder", { dataDir: e.DATA_DIR });
  // Scheduled syncs on a plain Node server; on Vercel, Cron calls /api/cron/sync instead.
  if (e.SCHEDULER !== "off" && !e.VERCEL) {
    const { startScheduler } = await import("./sync/scheduler");
    startScheduler();
  }
}
