// The benches' database: a throw-away PostgreSQL cluster (tests/support/postgres-cluster.ts)
// with an empty "bench" database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startCluster, type Cluster } from "@/tests/support/postgres-cluster";

/** Creates the "bench" database in `cluster` and answers its URL. */
export async function createBenchDatabase(cluster: Cluster): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  return cluster.url("bench");
}

/**
 * Starts a cluster with the bench database and points the app's env at it (a fresh DATA_DIR).
 * Call it before importing app modules: the env module reads these on first use.
 */
export async function startBenchDatabase(name: string, logLevel: "warn" | "error"): Promise<Cluster> {
  const cluster = await startCluster();
  process.env.DATABASE_URL = await createBenchDatabase(cluster);
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  process.env.LOG_LEVEL = logLevel;
  return cluster;
}
