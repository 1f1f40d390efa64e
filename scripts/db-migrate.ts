// npm run db:migrate: applies pending migrations to the configured database, then re-seals
// secrets still in the old unbound format (a data step SQL cannot do: it needs ENCRYPTION_KEY). On an embedded
// folder owned by a running portal it goes through the portal's socket; a folder it cannot
// use is one line and exit 2.
import { openEmbeddedFolder } from "../server/db/adapter";
import { upgradeSecrets } from "../server/auth/rotate-keys";
import { db, dbFactory, dbTarget, disconnectDb } from "../server/db/client";
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
  const upgraded = await upgradeSecrets(db);
  if (upgraded.workspaces || upgraded.users || upgraded.unreadable) {
    console.log(
      `Bound the secrets of ${upgraded.workspaces} workspace(s) and ${upgraded.users} account(s) to their rows` +
        (upgraded.unreadable ? `; ${upgraded.unreadable} value(s) no configured key opens were left as they are.` : "."),
    );
  }
} catch (err) {
  if (!(err instanceof EmbeddedFolderError || err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exitCode = 2;
} finally {
  await disconnectDb();
}
