// npm run db:migrate: applies pending migrations to the configured database.
import { dbFactory, dbTarget, disconnectDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";

const target = dbTarget();
const applied = await applyMigrations(dbFactory());
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s) to the ${target.mode} database: ${applied.join(", ")}`
    : `The ${target.mode} database is up to date.`,
);
await disconnectDb();
