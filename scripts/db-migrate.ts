// npm run db:migrate: applies pending migrations to the configured database. On an embedded
// folder owned by a running portal it goes through the portal's socket; a folder it cannot
// use is one line and exit 2.
import { openEmbeddedFolder } from "../server/db/adapter";
import { dbFactory, dbTarget, disconnectDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { EmbeddedFolderError } from "../server/db/pglite-lock";
import { EnvError } from "../server/env";
import { closeOnSignals } from "../server/shutdown";

// Ctrl+C closes the database (and our socket, if this run owns the folder) before exiting.
closeOnSignals(disconnectDb);

try {
  const target = dbTarget();
  await openEmbeddedFolder(dbFactory(), "cli");
  const applied = await applyMigrations(dbFactory());
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to the ${target.mode} database: ${applied.join(", ")}`
      : `The ${target.mode} database is up to date.`,
  );
} catch (err) {
  if (!(err instanceof EmbeddedFolderError || err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exitCode = 2;
} finally {
  await disconnectDb();
}
