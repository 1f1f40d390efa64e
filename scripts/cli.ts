// npm run cli -- <command> [--options] [--json]: the ops CLI (commands in server/cli/commands).
// In embedded mode (no DATABASE_URL) the folder has one owner: while the portal runs, the CLI
// works through the portal's socket; otherwise this run owns the folder (and serves it to a
// second CLI run meanwhile). A folder it cannot use is one line and exit 2, nothing written.
import { openEmbeddedFolder } from "../server/db/adapter";
import { dbFactory, dbTarget, disconnectDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { EmbeddedFolderError } from "../server/db/pglite-lock";
import { EnvError } from "../server/env";
import { closeOnSignals } from "../server/shutdown";
import { reportFailure, runCli } from "../server/cli/run";

// Every failure goes through reportFailure, so under --json stdout is still one JSON document.
const argv = process.argv.slice(2);
const output = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) };

// Ctrl+C closes the database (and our socket, if this run owns the folder) before exiting.
closeOnSignals(disconnectDb);

let code = 1;
try {
  const target = dbTarget();
  try {
    // Like the server: the embedded database is created and migrated on first use. Quietly, so
    // stdout carries only the command's answer (pure JSON with --json).
    if (target.mode === "embedded") {
      await openEmbeddedFolder(dbFactory(), "cli");
      await applyMigrations(dbFactory());
    }
    code = await runCli(argv, output);
  } catch (err) {
    if (err instanceof EmbeddedFolderError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    code = reportFailure(argv, output, 1, "failed", target.mode === "embedded" ? `Could not use the embedded database in ${target.dir}: ${msg}` : `Failed: ${msg}`);
  }
} catch (err) {
  if (!(err instanceof EmbeddedFolderError || err instanceof EnvError)) throw err;
  code = reportFailure(argv, output, 2, err instanceof EnvError ? "environment" : "database_folder", err.message);
} finally {
  await disconnectDb().catch(() => undefined);
}
process.exit(code);
