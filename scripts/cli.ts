// npm run cli -- <command> [--options] [--json]: the ops CLI (commands in server/cli/commands).
// In embedded mode (no DATABASE_URL) the database folder may be opened by ONE process only:
// stop the portal (npm run demo / next start) first. A lock file stops two CLI runs at once.
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import path from "node:path";
import { dbFactory, dbTarget, disconnectDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { env } from "../server/env";
import { runCli } from "../server/cli/run";

let lockFile: string | null = null;
const target = dbTarget();
if (target.mode === "embedded") {
  mkdirSync(env().DATA_DIR, { recursive: true });
  lockFile = path.join(env().DATA_DIR, "cli.lock");
  try {
    closeSync(openSync(lockFile, "wx"));
  } catch {
    console.error(
      `Another CLI run holds ${lockFile}. The embedded database can be opened by one process only. If no CLI is running, delete that file and retry.`,
    );
    process.exit(1);
  }
}

let code = 1;
try {
  // Like the server: the embedded database is created and migrated on first use. Quietly, so
  // stdout carries only the command's answer (pure JSON with --json).
  if (target.mode === "embedded") await applyMigrations(dbFactory());
  code = await runCli(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });
} catch (err) {
  const msg = err instanceof Error ? err.message : String(err);
  console.error(
    target.mode === "embedded"
      ? `Could not open the embedded database in ${target.dir}: ${msg}\nIs the portal running on it? Stop it first (only one process may open the folder).`
      : `Failed: ${msg}`,
  );
} finally {
  await disconnectDb().catch(() => undefined);
  if (lockFile) rmSync(lockFile, { force: true });
}
process.exit(code);
