import "server-only";
// The one place that chooses the database: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded PGlite in DATA_DIR/pglite (owned by one process, see below). Everything else (Prisma client, migrations,
// health) receives the factory made here.
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { checkPgliteFolder } from "./pglite-folder-check";
import { EmbeddedFolderError, lockPath, readLock, recordSocket, release, tryAcquire, type LockRole } from "./pglite-lock";
import { servePglite, type SocketAddress } from "./pglite-socket-server";

export type DbMode = "embedded" | "postgres";
export type DbTarget = { mode: "postgres"; url: string } | { mode: "embedded"; dir: string };

type Opened = { inner: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };

// How long a process waits for the folder's owner: the CLI for the owner's socket to appear
// (the owner is still opening PGlite), the portal for a CLI run that owns the folder to end.
const CLIENT_WAIT_MS = 15_000;
const PORTAL_WAIT_MS = 60_000;
// On close, clients of our socket (a CLI run in progress) may finish for this long.
const SOCKET_GRACE_MS = 5_000;

function onePgPool(config: pg.PoolConfig) {
  const pool = new pg.Pool({ connectionTimeoutMillis: 5_000, ...config });
  pool.on("error", () => {}); // an idle client lost with the server is replaced on next use
  return pool;
}

// PGlite takes no lock and two processes on one folder lose each other's writes, so a folder
// has ONE owner (pglite-lock.ts) that opens it and serves it on a local socket; any other
// process connects there as to PostgreSQL. Opened on the first query, not at import, so that
// `next build` (which imports route modules) never touches it.
class EmbeddedFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-embedded";
  /** The portal owns the folder (it waits for a CLI run to end); a CLI run uses the owner's socket. */
  role: LockRole = "cli";
  #opened: Promise<Opened> | undefined;
  constructor(private readonly dir: string) {}

  open(): Promise<Opened> {
    this.#opened ??= this.dir === "memory://" ? this.#inMemory() : this.#openFolder();
    return this.#opened;
  }

  async #inMemory(): Promise<Opened> {
    const pglite = new PGlite(this.dir);
    return { inner: new PrismaPGlite(pglite), close: () => pglite.close() };
  }

  async #openFolder(): Promise<Opened> {
    checkPgliteFolder(this.dir);
    const deadline = Date.now() + (this.role === "portal" ? PORTAL_WAIT_MS : CLIENT_WAIT_MS);
    for (;;) {
      const holder = tryAcquire(this.dir, this.role);
      if (!holder) return this.#own();
      if (this.role === "portal" && holder.role === "portal") {
        throw new EmbeddedFolderError(
          `The embedded database in ${this.dir} is already served by another portal (pid ${holder.pid}). Stop it first, or give this one another DATA_DIR.`,
        );
      }
      if (this.role === "cli" && holder.socket) {
        const client = await this.#connect(holder.socket).catch(() => undefined);
        if (client) return client;
      }
      if (Date.now() > deadline) {
        const who = holder.pid ? `process ${holder.pid} (${holder.role}, since ${holder.startedAt})` : "a process";
        throw new EmbeddedFolderError(
          this.role === "portal"
            ? `The embedded database in ${this.dir} is held by ${who}. Wait for it to finish, or stop it, then start the portal again.`
            : `The embedded database in ${this.dir} is held by ${who}, which answers on no socket. Stop that process and retry; if no Senar portal or CLI runs, delete ${lockPath(this.dir)}.`,
        );
      }
      await sleep(200);
    }
  }

  async #connect(socket: SocketAddress): Promise<Opened> {
    const where = "path" in socket ? { host: path.dirname(socket.path), port: 5432 } : socket;
    const pool = onePgPool({ ...where, user: "postgres", database: "postgres", max: 4 });
    try {
      await pool.query("SELECT 1");
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return { inner: new PrismaPg(pool), close: () => pool.end() };
  }

  async #own(): Promise<Opened> {
    const startedAt = readLock(this.dir)?.startedAt ?? new Date().toISOString();
    const dropLock = () => release(this.dir);
    process.once("exit", dropLock); // a hard exit leaves no lock naming a pid that may be reused
    let pglite: PGlite | undefined;
    try {
      pglite = new PGlite(this.dir);
      await pglite.waitReady;
      const server = await servePglite(pglite, this.dir);
      recordSocket(this.dir, this.role, startedAt, server.address);
      const db = pglite;
      return {
        inner: new PrismaPGlite(db),
        close: async () => {
          await server.close(SOCKET_GRACE_MS);
          await db.close();
          dropLock();
          process.off("exit", dropLock);
        },
      };
    } catch (err) {
      await pglite?.close().catch(() => undefined);
      dropLock();
      process.off("exit", dropLock);
      throw new EmbeddedFolderError(`Could not open the embedded database in ${this.dir}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async connect(): Promise<SqlDriverAdapter> {
    return (await this.open()).inner.connect();
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const inner = (await this.open()).inner;
    if (!inner.connectToShadowDb) throw new Error("no shadow database through the embedded socket");
    return inner.connectToShadowDb();
  }
  async close(): Promise<void> {
    const opened = this.#opened;
    this.#opened = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }
}

/**
 * Opens the embedded folder before the first query, so that a refusal (EmbeddedFolderError)
 * reaches the caller as itself: the schema engine would wrap it as "External error id#0".
 * The portal owns the folder; a CLI run connects to its owner's socket or owns it meanwhile.
 */
export async function openEmbeddedFolder(factory: AdapterFactory, role: LockRole): Promise<void> {
  if (!(factory instanceof EmbeddedFactory)) return;
  factory.role = role;
  await factory.open();
}

export type AdapterFactory = SqlMigrationAwareDriverAdapterFactory & { close?: () => Promise<void> };

export function createAdapterFactory(target: DbTarget): AdapterFactory {
  if (target.mode === "embedded") return new EmbeddedFactory(target.dir);
  // A short connect timeout: an unreachable database must fail fast (health answers 503),
  // never hang a request. The pool is ours, so close() can end it.
  const pool = onePgPool({ connectionString: target.url, max: 10 });
  return Object.assign(new PrismaPg(pool), { pool, close: () => pool.end() });
}
