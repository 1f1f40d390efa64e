import "server-only";
// The one Prisma client, cached on globalThis so dev reloads and the CLI reuse it.
import { env } from "../env";
import { createAdapterFactory, type AdapterFactory, type DbTarget } from "./adapter";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export function dbTarget(): DbTarget {
  const e = env();
  return e.DATABASE_URL ? { mode: "postgres", url: e.DATABASE_URL } : { mode: "embedded", dir: e.pgliteDir };
}

export function createDb(factory: AdapterFactory): Db {
  // Secrets never leave the data layer unless a query asks for them by name.
  return new PrismaClient({
    adapter: factory,
    omit: {
      user: { passwordHash: true, totpSecretEnc: true, recoveryCodes: true },
      workspace: { senarPasswordEnc: true, senarTokenEnc: true },
    },
  });
}

type Cached = { factory: AdapterFactory; db: Db };
const g = globalThis as unknown as { __senarDb?: Cached };

function cached(): Cached {
  if (!g.__senarDb) {
    const factory = createAdapterFactory(dbTarget());
    g.__senarDb = { factory, db: createDb(factory) };
  }
  return g.__senarDb;
}

/** The adapter factory behind `db`; migrations must share it (PGlite allows one opener). */
export const dbFactory = (): AdapterFactory => cached().factory;

/**
 * The one place a Proxy stays (DECISIONS.md, "One Proxy left: the lazy db"): importing this module must read no env and open
 * nothing (next build imports it), and after disconnectDb() the next use must get a fresh client
 * (tests, the CLI). A plain object would have to list Prisma's generated delegates by hand. The
 * trap only forwards each property to the current client; it adds no behaviour.
 */
export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    const real = cached().db;
    const value = Reflect.get(real, prop, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  const c = g.__senarDb;
  if (!c) return;
  g.__senarDb = undefined;
  await c.db.$disconnect();
  await c.factory.close?.();
}
