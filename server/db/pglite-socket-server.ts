import "server-only";
// Serves the process's own PGlite to other local processes (the CLI, db:migrate) over the
// PostgreSQL wire protocol, so they write through the one process that owns the folder instead
// of opening it a second time (which silently loses writes). Not @electric-sql/pglite-socket:
// its queue takes PGlite's query mutex per message only, so a socket client's statements could
// run inside an in-process Prisma transaction (and the reverse). Here a client holds PGlite's
// transaction mutex from its first message until the backend is idle again (ReadyForQuery 'I'),
// which is exactly what in-process query()/transaction() take, so the two never interleave.
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

export type SocketAddress = { path: string } | { host: string; port: number };

// A client that keeps a transaction open this long without sending anything loses it, so that
// a stuck CLI cannot stall the portal.
const IDLE_IN_TRANSACTION_MS = 15_000;
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
// Unix socket paths are limited to ~107 bytes; a deeper DATA_DIR falls back to loopback TCP.
const MAX_SOCKET_PATH = 100;

/** The socket file PostgreSQL clients look for: pg connects with host = its folder. */
export const socketFileName = ".s.PGSQL.5432";

type Held = { release: () => void };

function holdTransactionMutex(db: PGlite): Promise<Held> {
  return new Promise((got) => {
    void db._runExclusiveTransaction(() => new Promise<void>((release) => got({ release })));
  });
}

/** The status byte of the last ReadyForQuery in a backend response, if there is one. */
export function lastReadyStatus(bytes: Uint8Array): string | undefined {
  let status: string | undefined;
  let i = 0;
  while (i + 5 <= bytes.length) {
    const type = bytes[i]!;
    const len = ((bytes[i + 1]! << 24) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 8) | bytes[i + 4]!) >>> 0;
    if (type === 0x5a && len === 5 && i + 5 < bytes.length) status = String.fromCharCode(bytes[i + 5]!);
    i += 1 + len;
  }
  return status;
}

function simpleQuery(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`, "utf8");
  const msg = Buffer.alloc(5 + body.length);
  msg.write("Q", 0, "latin1");
  msg.writeInt32BE(4 + body.length, 1);
  body.copy(msg, 5);
  return msg;
}

class Connection {
  #buf = Buffer.alloc(0);
  #started = false;
  #held: Held | undefined;
  #chain: Promise<void> = Promise.resolve();
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: PGlite,
    private readonly socket: net.Socket,
  ) {
    socket.on("data", (chunk) => {
      this.#buf = Buffer.concat([this.#buf, chunk]);
      this.#drain();
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.#chain = this.#chain.then(() => this.#releaseRollingBack());
    });
  }

  #drain(): void {
    for (;;) {
      if (!this.#started) {
        if (this.#buf.length < 8) return;
        const len = this.#buf.readInt32BE(0);
        if (this.#buf.length < len) return;
        const msg = this.#buf.subarray(0, len);
        this.#buf = this.#buf.subarray(len);
        const code = msg.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          this.socket.write("N"); // no encryption on a local socket; the client then starts plain
          continue;
        }
        this.#started = true;
        this.#enqueue(new Uint8Array(msg));
        continue;
      }
      if (this.#buf.length < 5) return;
      const len = 1 + this.#buf.readInt32BE(1);
      if (this.#buf.length < len) return;
      const msg = this.#buf.subarray(0, len);
      this.#buf = this.#buf.subarray(len);
      if (msg[0] === 0x58) {
        // Terminate: the client is done; its session state must not reach PGlite's one backend.
        this.socket.end();
        return;
      }
      this.#enqueue(new Uint8Array(msg));
    }
  }

  #enqueue(msg: Uint8Array): void {
    this.#chain = this.#chain.then(() => this.#run(msg)).catch(() => {
      this.socket.destroy();
    });
  }

  async #run(msg: Uint8Array): Promise<void> {
    clearTimeout(this.#idleTimer);
    if (this.socket.destroyed) return;
    this.#held ??= await holdTransactionMutex(this.db);
    // execProtocolRaw answers in a view of PGlite's reused buffer: copy before the next query.
    const out = await this.db.runExclusive(async () => Buffer.from(await this.db.execProtocolRaw(msg)));
    if (out.length && !this.socket.destroyed) this.socket.write(out);
    const status = lastReadyStatus(out);
    if (status === "I") {
      this.#held.release();
      this.#held = undefined;
    } else {
      // Mid transaction or mid extended query: keep PGlite to ourselves, but not forever.
      this.#idleTimer = setTimeout(() => this.socket.destroy(), IDLE_IN_TRANSACTION_MS);
    }
  }

  async #releaseRollingBack(): Promise<void> {
    clearTimeout(this.#idleTimer);
    if (!this.#held) return;
    try {
      if (this.db.isInTransaction()) await this.db.runExclusive(() => this.db.execProtocolRaw(simpleQuery("ROLLBACK")));
    } finally {
      this.#held.release();
      this.#held = undefined;
    }
  }

  closed(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.socket.closed) resolve();
      else this.socket.once("close", () => resolve());
    }).then(() => this.#chain);
  }
}

export type PgliteSocketServer = { address: SocketAddress; close: (graceMs: number) => Promise<void> };

/** Listens next to the folder (`<dir>.sock/.s.PGSQL.5432`, owner-only) or on a loopback port. */
export async function servePglite(db: PGlite, dir: string): Promise<PgliteSocketServer> {
  const conns = new Set<Connection>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    conns.add(new Connection(db, socket));
  });
  const sockDir = `${path.resolve(dir)}.sock`;
  const sockPath = path.join(sockDir, socketFileName);
  let address: SocketAddress;
  if (sockPath.length <= MAX_SOCKET_PATH) {
    rmSync(sockDir, { recursive: true, force: true }); // a socket left by a crashed owner
    mkdirSync(sockDir, { mode: 0o700 });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(sockPath, () => resolve());
    });
    chmodSync(sockPath, 0o600);
    address = { path: sockPath };
  } else {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const a = server.address() as net.AddressInfo;
    address = { host: "127.0.0.1", port: a.port };
  }
  return {
    address,
    close: async (graceMs) => {
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      // Clients already connected may finish (a CLI run in progress); then they are cut off.
      const timer = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, graceMs);
      await done;
      clearTimeout(timer);
      await Promise.all([...conns].map((c) => c.closed()));
      if ("path" in address) rmSync(sockDir, { recursive: true, force: true });
    },
  };
}
