// npm run cli -- <command> [--options] [--json]: the ops CLI (commands in server/cli/commands).
// In embedded mode (no DATABASE_URL) the database folder may be opened by ONE process only:
// stop the portal (npm run demo / next start) first. A lock file stops two CLI runs at once.
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import path from "node:path";
import { dbFactory, dbTarget, disconnectDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { EnvError, env } from "../server/env";
import { reportFailure, runCli } from "../server/cli/run";

const argv = process.argv.slice(2);
const output = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) };

let lockFile: string | null = null;
const target = (() => {
  try {
    return dbTarget();
  } catch (err) {
    if (err instanceof EnvError) process.exit(reportFailure(argv, output, 2, "environment", err.message));
    throw err;
  }
})();
if (target.mode === "embedded") {
  mkdirSync(env().DATA_DIR, { recursive: true });
  lockFile = path.join(env().DATA_DIR, "cli.lock");
  try {
    closeSync(openSync(lockFile, "wx"));
  } catch {
    process.exit(
      reportFailure(argv, output, 1, "busy", `Another CLI run holds ${lockFile}. The embedded database can be opened by one process only. If no CLI is running, delete that file and retry.`),
    );
  }
}

let code = 1;
try {
  // Like the server: the embedded database is created and migrated on first use. Quietly, so
  // stdout carries only the command's answer (pure JSON with --json).
  if (target.mode === "embedded") await applyMigrations(dbFactory());
  code = await runCli(argv, output);
} catch (err) {
  const msg = err instanceof Error ? err.message : String(err);
  code = reportFailure(
    argv,
    output,
    1,
    "failed",
    target.mode === "embedded"
      ? `Could not open the embedded database in ${target.dir}: ${msg}\nIs the portal running on it? Stop it first (only one process may open the folder).`
      : `Failed: ${msg}`,
  );
} finally {
  await disconnectDb().catch(() => undefined);
  if (lockFile) rmSync(lockFile, { force: true });
}
process.exit(code);
