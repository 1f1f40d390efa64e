// A whole portal for the cross-feature suites (bad input, faults): a throw-away PostgreSQL
// cluster, migrated; the real Senar simulator; a production `next start` against that database;
// seeded users, workspaces, keys and an invite; session cookies minted the way next-auth does;
// and a snapshot of every table to prove that refused requests wrote nothing.
//
// The app modules read the environment once, so this file sets process.env before importing
// them (dynamic imports below): load it before any "@/server/..." import in a test file.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startSimulator, type RunningSim } from "@/senar-sim/server";
import { startCluster, type Cluster } from "./postgres-cluster";
import { SIM_HOSTS, startApp, type AppSecrets, type RunningApp } from "./prod-app";

export type Persona = "owner" | "admin" | "viewer" | "outsider";

export const SIM_ACCOUNTS = [
  { username: "demo@senar.test", password: "demo-pass1", seed: 42, accountName: "ACME" },
  { username: "globex@senar.test", password: "globex-pass1", seed: 7, accountName: "Globex" },
];

export type Portal = {
  cluster: Cluster;
  dbUrl: string;
  sim: RunningSim;
  app: RunningApp;
  secrets: AppSecrets;
  acme: { id: string; slug: string };
  globex: { id: string; slug: string };
  users: Record<Persona, { id: string; email: string; name: string | null; cookie: string }>;
  keys: { acme: string; globex: string; revoked: string };
  invite: { token: string; id: string };
  hook: { token: string; revokedToken: string };
  /** One string per table: row count and a hash of every row (ApiKey.lastUsedAt left out). */
  snapshot: () => Promise<Map<string, string>>;
  sql: pg.Pool;
  stop: () => Promise<void>;
};

/** Tables whose rows are bookkeeping of refused requests by design (throttling, rate limits). */
export const BOOKKEEPING_TABLES = new Set(["LoginAttempt", "RateLimitBucket", "_prisma_migrations"]);

export function makeSecrets(): AppSecrets {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(24).toString("base64url"),
  };
}

/** Starts cluster + migrations, and points this process's app modules at it. */
export async function startDatabase(secrets: AppSecrets, appUrl = "http://127.0.0.1:1"): Promise<{ cluster: Cluster; dbUrl: string }> {
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE portal");
  await admin.end();
  const dbUrl = cluster.url("portal");
  Object.assign(process.env, { DATABASE_URL: dbUrl, APP_URL: appUrl, DATA_DIR: cluster.dir, ...SIM_HOSTS, ...secrets });
  const { createAdapterFactory } = await import("@/server/db/adapter");
  const { applyMigrations } = await import("@/server/db/migrate");
  const factory = createAdapterFactory({ mode: "postgres", url: dbUrl });
  await applyMigrations(factory);
  await factory.close?.();
  return { cluster, dbUrl };
}

/** A session cookie header for a user, exactly as next-auth's JWT session strategy encodes it. */
export async function sessionCookie(secret: string, user: { id: string; email: string; name: string | null }, sessionVersion = 0): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const token = await encode({ secret, maxAge: 3600, token: { sub: user.id, email: user.email, name: user.name, uid: user.id, sv: sessionVersion } });
  return `next-auth.session-token=${token}`;
}

export async function tableSnapshot(sql: pg.Pool): Promise<Map<string, string>> {
  const { rows: tables } = await sql.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const parts = tables
    .filter(({ t }) => !BOOKKEEPING_TABLES.has(t))
    .map(
      ({ t }) =>
        `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(x) - 'lastUsedAt')::text, '|' ORDER BY (to_jsonb(x) - 'lastUsedAt')::text)), '') AS v FROM "${t}" x`,
    );
  const { rows } = await sql.query<{ t: string; v: string }>(parts.join(" UNION ALL "));
  return new Map(rows.map((r) => [r.t, r.v]));
}

/** Tables whose snapshot differs, as "Table: before → after". */
export function snapshotDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [t, v] of b) if (a.get(t) !== v) out.push(`${t}: ${a.get(t) ?? "∅"} → ${v}`);
  return out;
}

export async function startPortal(opts: { activities?: number; cache?: ("acme" | "globex")[]; appEnv?: Record<string, string> } = {}): Promise<Portal> {
  const secrets = makeSecrets();
  const sim = await startSimulator({ accounts: SIM_ACCOUNTS, users: 20, trainees: 40, activities: opts.activities ?? 400 });
  const { cluster, dbUrl } = await startDatabase(secrets);
  const sql = new pg.Pool({ connectionString: dbUrl, max: 2 });
  // The fault suite stops PostgreSQL under this pool: a dropped idle client must not crash the run.
  sql.on("error", () => undefined);
  try {
    const { db } = await import("@/server/db/client");
    const { hashSecret } = await import("@/server/auth/password");
    const { createWorkspace } = await import("@/server/workspaces/workspaces");
    const { createApiKey, revokeApiKey } = await import("@/server/api/keys");
    const { createInvite } = await import("@/server/workspaces/invites");
    const { SenarClient } = await import("@/server/senar/senar-client");
    const { upsertUsers } = await import("@/server/sync/upsert-users");
    const { upsertActivities } = await import("@/server/sync/upsert-activities");

    const passwordHash = await hashSecret("correct horse battery staple");
    const mk = (email: string) => db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash }, select: { id: true, email: true, name: true } });
    const [owner, admin, viewer, outsider] = await Promise.all(["owner@acme.test", "admin@acme.test", "viewer@acme.test", "owner@globex.test"].map(mk));
    const actor = { user: owner! };
    const acme = await createWorkspace({ name: "Acme", ownerId: owner!.id, senar: { baseUrl: sim.url, ...pick(SIM_ACCOUNTS[0]!) } }, actor);
    const globex = await createWorkspace(
      { name: "Globex", ownerId: outsider!.id, senar: { baseUrl: sim.url, ...pick(SIM_ACCOUNTS[1]!) } },
      { user: outsider! },
    );
    await db.membership.createMany({
      data: [
        { userId: admin!.id, workspaceId: acme.id, role: "ADMIN" },
        { userId: viewer!.id, workspaceId: acme.id, role: "VIEWER" },
      ],
    });
    const keyAcme = (await createApiKey({ workspaceId: acme.id, name: "acme key", createdById: owner!.id })).key;
    const keyGlobex = (await createApiKey({ workspaceId: globex.id, name: "globex key", createdById: outsider!.id })).key;
    const revoked = await createApiKey({ workspaceId: acme.id, name: "revoked key", createdById: owner!.id });
    await revokeApiKey(acme.id, revoked.apiKey.id);
    const invite = await createInvite(acme.id, { role: "VIEWER" }, actor);
    const { createSubscription } = await import("@/server/sync/webhooks-out");
    const hook = await createSubscription(acme.id, "activity", owner!.id);
    const revokedHook = await createSubscription(acme.id, "activity", owner!.id);
    await db.webhookSubscription.update({ where: { id: revokedHook.sub.id }, data: { revokedAt: new Date() } });

    // Cached data, fetched from the simulator by the real client and written by the real upserts.
    const cache = opts.cache ?? ["acme", "globex"];
    for (const [ws, account] of [
      [acme, SIM_ACCOUNTS[0]!],
      [globex, SIM_ACCOUNTS[1]!],
    ] as const) {
      if (!cache.includes(ws === acme ? "acme" : "globex")) continue;
      const client = new SenarClient({ baseUrl: sim.url, username: account.username, password: account.password });
      const meta = { source: "sync" as const, sourceAt: new Date() };
      await client.streamUsers((records) => upsertUsers(db, ws.id, records, meta).then(() => undefined));
      await client.streamActivities((records) => upsertActivities(db, ws.id, records, meta).then(() => undefined));
    }

    // Seeding is done: the app process owns the database from here (the fault suite restarts it).
    const { disconnectDb } = await import("@/server/db/client");
    await disconnectDb();
    const app = await startApp({ databaseUrl: dbUrl, secrets, env: { SENAR_TIMEOUT_MS: "5000", ...SIM_HOSTS, ...opts.appEnv } });
    const cookieOf = async (u: { id: string; email: string; name: string | null }) => ({ ...u, cookie: await sessionCookie(secrets.AUTH_SECRET, u) });
    return {
      cluster,
      dbUrl,
      sim,
      app,
      secrets,
      acme: { id: acme.id, slug: acme.slug },
      globex: { id: globex.id, slug: globex.slug },
      users: {
        owner: await cookieOf(owner!),
        admin: await cookieOf(admin!),
        viewer: await cookieOf(viewer!),
        outsider: await cookieOf(outsider!),
      },
      keys: { acme: keyAcme, globex: keyGlobex, revoked: revoked.key },
      invite: { token: invite.token, id: invite.id },
      hook: { token: hook.token, revokedToken: revokedHook.token },
      snapshot: () => tableSnapshot(sql),
      sql,
      stop: async () => {
        await app.stop();
        await sql.end();
        await sim.close();
        cluster.stop();
      },
    };
  } catch (err) {
    await sql.end();
    await sim.close();
    cluster.stop();
    throw err;
  }
}

function pick(a: { username: string; password: string }) {
  return { username: a.username, password: a.password };
}
