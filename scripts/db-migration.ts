// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql,
// the SQL from the existing migrations to the current schema.prisma. It replays the
// migrations on a throw-away in-memory PGlite, so it needs no database server.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createAdapterFactory } from "../server/db/adapter";
import { diffToSchema, migrationsDir } from "../server/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const factory = createAdapterFactory({ mode: "embedded", dir: "memory://" });
const sql = (await diffToSchema(factory)).trim();
await factory.close?.();
if (!sql || sql === "-- This is an empty migration.") {
  console.log("schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql + "\n");

console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
