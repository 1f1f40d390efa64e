// Per-test-file databases for integration tests, on both engines the app supports:
// PostgreSQL (a throw-away cluster, or TEST_DATABASE_URL) and the embedded PGlite.
// Migrations are applied once into a template; each test file gets a fresh copy.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type TestDbKind = "postgres" | "pglite";

export async function pgAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database from the migrated template; returns env for the app modules. */
export async function freshDatabase(kind: TestDbKind): Promise<Record<string, string>> {
  const id = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  if (kind === "postgres") {
    const base = process.env.TEST_PG_ADMIN_URL;
    if (!base) throw new Error("TEST_PG_ADMIN_URL not set: is the vitest globalSetup running?");
    await pgAdmin(base, (c) => c.query(`CREATE DATABASE ${id} TEMPLATE portal_template`));
    const url = new URL(base);
    url.pathname = `/${id}`;
    return { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(path.join(tmpdir(), "senar-data-")) };
  }
  const template = process.env.TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error("TEST_PGLITE_TEMPLATE not set: is the vitest globalSetup running?");
  const dataDir = mkdtempSync(path.join(tmpdir(), "senar-data-"));
  cpSync(template, path.join(dataDir, "pglite"), { recursive: true });
  return { DATABASE_URL: "", DATA_DIR: dataDir };
}
