// Vitest globalSetup for integration tests: one PostgreSQL cluster (unless TEST_DATABASE_URL
// names a server) and one migrated template per engine, copied per test file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAdapterFactory } from "@/server/db/adapter";
import { applyMigrations } from "@/server/db/migrate";
import { startCluster, type Cluster } from "./postgres-cluster";
import { pgAdmin } from "./test-db";

// Both integration projects list this file; the work is done once per Vitest process.
const g = globalThis as unknown as { __senarSetup?: Promise<() => Promise<void>> };

export default function setup() {
  g.__senarSetup ??= prepare();
  return g.__senarSetup;
}

async function prepare() {
  let cluster: Cluster | undefined;
  const adminUrl = process.env.TEST_DATABASE_URL || (cluster = await startCluster()).url();
  await pgAdmin(adminUrl, async (c) => {
    await c.query("DROP DATABASE IF EXISTS portal_template");
    await c.query("CREATE DATABASE portal_template");
  });
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = "/portal_template";
  const pgFactory = createAdapterFactory({ mode: "postgres", url: templateUrl.toString() });
  await applyMigrations(pgFactory);
  await pgFactory.close?.();

  const pgliteTemplate = path.join(mkdtempSync(path.join(tmpdir(), "senar-pglite-template-")), "pglite");
  const liteFactory = createAdapterFactory({ mode: "embedded", dir: pgliteTemplate });
  await applyMigrations(liteFactory);
  await liteFactory.close?.();

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PGLITE_TEMPLATE = pgliteTemplate;
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    cluster?.stop();
    rmSync(path.dirname(pgliteTemplate), { recursive: true, force: true });
  };
}
