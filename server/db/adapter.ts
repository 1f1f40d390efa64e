import "server-only";
// The one place that chooses the database: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded PGlite in DATA_DIR/pglite. Everything else (Prisma client, migrations,
// health) receives the factory made here.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DbMode = "embedded" | "postgres";
export type DbTarget = { mode: "postgres"; url: string } | { mode: "embedded"; dir: string };

// PGlite allows one open instance per folder and process; it is opened on the first query,
// not at import, so that `next build` (which imports route modules) never touches it.
class LazyPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-lazy";
  #inner: PrismaPGlite | undefined;
  pglite: PGlite | undefined;
  constructor(private readonly dir: string) {}
  #get(): PrismaPGlite {
    if (!this.#inner) {
      if (this.dir !== "memory://") mkdirSync(this.dir, { recursive: true });
      this.pglite = new PGlite(this.dir);
      this.#inner = new PrismaPGlite(this.pglite);
    }
    return this.#inner;
  }
  connect(): Promise<SqlDriverAdapter> {
    return this.#get().connect();
  }
  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#get().connectToShadowDb();
  }
  async close(): Promise<void> {
    await this.pglite?.close();
  }
}

export type AdapterFactory = SqlMigrationAwareDriverAdapterFactory & { close?: () => Promise<void> };

export function createAdapterFactory(target: DbTarget): AdapterFactory {
  if (target.mode === "embedded") return new LazyPGliteFactory(target.dir);
  // A short connect timeout: an unreachable database must fail fast (health answers 503),
  // never hang a request. The pool is ours, so close() can end it.
  const pool = new pg.Pool({ connectionString: target.url, connectionTimeoutMillis: 5_000, max: 10 });
  pool.on("error", () => {}); // an idle client lost with the server is replaced on next use
  return Object.assign(new PrismaPg(pool), { pool, close: () => pool.end() });
}
