// npm run db:migrate: applies pending migrations to the configured database, then re-seals
// secrets still in the old unbound format (a data step SQL cannot do: it needs ENCRYPTION_KEY).
import { upgradeSecrets } from "../server/auth/rotate-keys";
import { db, dbFactory, dbTarget, disconnectDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";

const target = dbTarget();
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
await disconnectDb();
