// The embedded database's socket: a real PGlite served to a real pg client. PGlite is one
// session, so what matters is that a socket client's transaction and the owner's own queries
// never interleave, and that the owner sees a socket client's commit at once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGLITE_PG_MAJOR } from "@/server/db/pglite-folder-check";
import { lastReadyStatus, servePglite, type PgliteSocketServer } from "@/server/db/pglite-socket-server";

let db: PGlite;
let server: PgliteSocketServer;
let base: string;

function client(): pg.Client {
  if (!("path" in server.address)) throw new Error("expected a unix socket");
  return new pg.Client({ host: path.dirname(server.address.path), port: 5432, user: "postgres", database: "postgres" });
}

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), "senar-sock-"));
  db = new PGlite();
  await db.exec("CREATE TABLE t (n int)");
  server = await servePglite(db, path.join(base, "pglite"));
}, 60_000);

afterAll(async () => {
  await server?.close(1_000);
  await db?.close();
  rmSync(base, { recursive: true, force: true });
});

describe("lastReadyStatus", () => {
  it("reads the status of the last ReadyForQuery in a backend response", () => {
    const complete = [0x43, 0, 0, 0, 8, 0x42, 0x45, 0x47, 0]; // CommandComplete "BEG"
    expect(lastReadyStatus(Uint8Array.from([...complete, 0x5a, 0, 0, 0, 5, 0x54]))).toBe("T");
    expect(lastReadyStatus(Uint8Array.from([0x5a, 0, 0, 0, 5, 0x54, 0x5a, 0, 0, 0, 5, 0x49]))).toBe("I");
    expect(lastReadyStatus(Uint8Array.from(complete))).toBeUndefined();
  });
});

describe("servePglite", () => {
  it("bundles the PostgreSQL major version the folder check expects", async () => {
    const { rows } = await db.query<{ server_version: string }>("SHOW server_version");
    expect(rows[0]!.server_version.split(".")[0]).toBe(PGLITE_PG_MAJOR);
  });

  it("listens on an owner-only unix socket", () => {
    expect(server.address).toEqual({ path: path.join(base, "pglite.sock", ".s.PGSQL.5432") });
  });

  it("a socket client's commit is visible to the owner at once", async () => {
    const c = client();
    await c.connect();
    await c.query("INSERT INTO t VALUES ($1)", [41]);
    await c.end();
    expect((await db.query<{ n: number }>("SELECT n FROM t WHERE n = 41")).rows).toEqual([{ n: 41 }]);
  }, 30_000);

  it("the owner's queries never run inside a socket client's open transaction", async () => {
    const c = client();
    await c.connect();
    await c.query("BEGIN");
    await c.query("INSERT INTO t VALUES (7)");
    // Asked while the client's transaction is open: it must wait for it, not run inside it
    // (where it would see the uncommitted 7, and be rolled back with it).
    const owner = db.query<{ c: number }>("SELECT count(*)::int AS c FROM t WHERE n = 7");
    let settled = false;
    void owner.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled, "the owner's query waited for the client's transaction").toBe(false);
    await c.query("ROLLBACK");
    expect((await owner).rows).toEqual([{ c: 0 }]);
    await c.end();
  }, 30_000);

  it("a client that disconnects mid-transaction is rolled back and releases the database", async () => {
    const c = client();
    await c.connect();
    await c.query("BEGIN");
    await c.query("INSERT INTO t VALUES (8)");
    const owner = db.query<{ c: number }>("SELECT count(*)::int AS c FROM t WHERE n = 8");
    c.on("error", () => undefined); // the client sees its own connection cut
    (c as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    expect((await owner).rows).toEqual([{ c: 0 }]);
    expect(db.isInTransaction()).toBe(false);
  }, 30_000);
});
