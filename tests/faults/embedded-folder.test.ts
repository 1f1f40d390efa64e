// The embedded database folder has one owner (issue 11): the production server on a PGlite
// folder, the real CLI writing through the server's socket while it runs, SIGTERM during a burst
// of webhook writes, stale and live locks, and DATA_DIRs the embedded database cannot use.
// Real processes throughout: `next start`, `scripts/cli.ts`, the Senar simulator.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSim } from "@/senar-sim/server";
import { SIM_ACCOUNTS, makeSecrets } from "../support/portal-fixture";
import { freePort } from "../support/postgres-cluster";
import { SIM_HOSTS, startApp, type AppSecrets, type RunningApp } from "../support/prod-app";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PASSWORD = "correct-horse-battery-9";

type CliResult = { code: number | null; stdout: string; stderr: string };

function cliEnv(dataDir: string, secrets: AppSecrets, appUrl = "http://127.0.0.1:1"): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    APP_URL: appUrl,
    LOG_LEVEL: "warn",
    ...SIM_HOSTS,
    ...secrets,
  };
}

/** The real CLI, as `npm run cli -- …` runs it, in its own process. */
function cli(env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function lockOf(dataDir: string): { pid: number; socket: { path: string } | null } | null {
  const file = path.join(dataDir, "pglite.lock");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { pid: number; socket: { path: string } | null }) : null;
}

/** Reads the folder through its owner's socket, as any PostgreSQL client would. */
async function viaSocket<T extends pg.QueryResultRow>(dataDir: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const lock = lockOf(dataDir);
  if (!lock?.socket) throw new Error(`no socket in ${dataDir}/pglite.lock`);
  const client = new pg.Client({ host: path.dirname(lock.socket.path), port: 5432, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("the portal owns its PGlite folder; the CLI writes through it", () => {
  let sim: RunningSim;
  let app: RunningApp;
  let dataDir: string;
  let secrets: AppSecrets;
  let env: NodeJS.ProcessEnv;
  let slug = "";
  let apiKey = "";

  beforeAll(async () => {
    sim = await startSimulator({ accounts: [SIM_ACCOUNTS[0]!], users: 10, trainees: 20, activities: 50, webhookRetry: { attempts: 1 } });
    dataDir = mkdtempSync(path.join(tmpdir(), "senar-embedded-"));
    secrets = makeSecrets();
    app = await startApp({ databaseUrl: "", secrets, env: { DATA_DIR: dataDir, ...SIM_HOSTS } });
    env = cliEnv(dataDir, secrets, app.url);
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a CLI write while the server runs is visible to the server at once, and after a restart", async () => {
    const lock = lockOf(dataDir);
    expect(lock?.pid).toBe(app.pid());
    expect(lock?.socket?.path).toBe(path.join(dataDir, "pglite.sock", ".s.PGSQL.5432"));

    const user = await cli(env, ["user:create", "--email", "owner@embedded.test", "--password", PASSWORD]);
    expect(user, user.stderr).toMatchObject({ code: 0 });
    const ws = await cli(env, [
      "workspace:create", "--name", "Embedded", "--owner", "owner@embedded.test",
      "--senar-url", sim.url, "--senar-username", SIM_ACCOUNTS[0]!.username, "--senar-password", SIM_ACCOUNTS[0]!.password, "--json",
    ]);
    expect(ws.code, ws.stderr).toBe(0);
    slug = (JSON.parse(ws.stdout) as { slug: string }).slug;
    const key = await cli(env, ["apikey:create", "--workspace", slug, "--name", "probe", "--json"]);
    expect(key.code, key.stderr).toBe(0);
    apiKey = (JSON.parse(key.stdout) as { key: string }).key;
    const viewer = await cli(env, ["user:create", "--email", "x@example.com", "--password", PASSWORD]);
    expect(viewer.code, viewer.stderr).toBe(0);
    const member = await cli(env, ["member:add", "--workspace", slug, "--email", "x@example.com", "--role", "viewer"]);
    expect(member.code, member.stderr).toBe(0);

    // The server checks the key the CLI just wrote: it sees the CLI's rows without a restart.
    const res = await fetch(`${app.url}/api/v1/users`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(res.status, await res.text()).toBe(200);

    await app.kill("SIGTERM");
    expect(lockOf(dataDir), "SIGTERM released the lock").toBeNull();
    await app.start();
    const again = await fetch(`${app.url}/api/v1/users`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(again.status).toBe(200);
    const rows = await viaSocket<{ email: string; role: string }>(
      dataDir,
      `SELECT u.email, m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Workspace" w ON w.id = m."workspaceId" WHERE w.slug = $1 ORDER BY u.email`,
      [slug],
    );
    expect(rows).toEqual([
      { email: "owner@embedded.test", role: "OWNER" },
      { email: "x@example.com", role: "VIEWER" },
    ]);
  });

  it("db:migrate on the running portal's folder goes through its socket", () => {
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("The embedded database is up to date.");
  });

  it("SIGTERM during a burst of webhook writes: every acknowledged delivery is there after a restart", async () => {
    expect(slug).not.toBe("");
    const reg = await cli(env, ["webhooks:register", "--workspace", slug]);
    expect(reg.code, reg.stderr).toBe(0);
    const hookIds = new Set(sim.hooks(SIM_ACCOUNTS[0]!.username).filter((h) => h.method === "activity").map((h) => h.id));
    expect(hookIds.size).toBe(1);

    const outcomes: { id: string; status: number | "error" }[] = [];
    let killed: Promise<void> | undefined;
    for (let i = 0; i < 25; i++) {
      // SIGTERM in the background: deliveries keep arriving while the server shuts down.
      if (i === 10) killed = app.kill("SIGTERM");
      const before = sim.deliveries().length;
      const rec = await sim.emitActivity(SIM_ACCOUNTS[0]!.username);
      const mine = sim.deliveries().slice(before).filter((d) => hookIds.has(d.hookId));
      expect(mine).toHaveLength(1);
      outcomes.push({ id: String(rec.id), status: mine[0]!.status });
    }
    await killed;
    const acked = outcomes.filter((o) => typeof o.status === "number" && o.status >= 200 && o.status < 300);
    expect(acked.length, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(5);
    expect(outcomes.length - acked.length, "some deliveries arrived after the SIGTERM").toBeGreaterThan(0);
    expect(lockOf(dataDir), "SIGTERM released the lock").toBeNull();

    await app.start(); // the folder opens again: it was closed, not torn
    const stored = new Set(
      (await viaSocket<{ id: string }>(dataDir, `SELECT id FROM "Activity" WHERE id = ANY($1)`, [outcomes.map((o) => o.id)])).map((r) => r.id),
    );
    expect(acked.filter((o) => !stored.has(o.id)), "acknowledged but not stored").toEqual([]);
    console.log(`\nembedded SIGTERM: ${outcomes.length} deliveries, ${acked.length} acknowledged (all stored), ${stored.size} stored in all`);
  });
});

describe("the lock", () => {
  const secrets = makeSecrets();

  it("a lock left by a crashed process (its pid gone) is taken over", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "senar-stale-"));
    const pid = deadPid();
    writeFileSync(path.join(dataDir, "pglite.lock"), JSON.stringify({ pid, role: "portal", startedAt: "2026-01-01T00:00:00Z", socket: null }));
    const r = await cli(cliEnv(dataDir, secrets), ["user:create", "--email", "stale@example.com", "--password", PASSWORD]);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout).toContain("Created account stale@example.com");
    expect(lockOf(dataDir), "released after the run").toBeNull();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a live holder with no socket: exit 2, one line naming its pid, nothing written", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "senar-held-"));
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { stdio: "ignore" });
    try {
      const lock = JSON.stringify({ pid: holder.pid, role: "portal", startedAt: "2026-01-01T00:00:00Z", socket: null });
      writeFileSync(path.join(dataDir, "pglite.lock"), lock);
      const r = await cli(cliEnv(dataDir, secrets), ["user:create", "--email", "held@example.com", "--password", PASSWORD]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`held by process ${holder.pid}`);
      expect(r.stderr).toContain("Stop that process");
      expect(existsSync(path.join(dataDir, "pglite")), "the folder was not opened").toBe(false);
      expect(readFileSync(path.join(dataDir, "pglite.lock"), "utf8")).toBe(lock);
    } finally {
      holder.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("a DATA_DIR the embedded database cannot use", () => {
  const secrets = makeSecrets();
  const base = mkdtempSync(path.join(tmpdir(), "senar-bad-data-dir-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  async function refused(dataDir: string, expected: string, env = cliEnv(dataDir, secrets)) {
    const r = await cli(env, ["user:create", "--email", "bad@example.com", "--password", PASSWORD]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(expected);
    expect(r.stdout).toBe("");
  }

  it("is a file", async () => {
    const file = path.join(base, "a-file");
    writeFileSync(file, "not a folder");
    await refused(file, `${file} is a file, not a folder`);
    expect(readFileSync(file, "utf8")).toBe("not a folder");
  });

  it("holds a folder from another PostgreSQL major version", async () => {
    const dataDir = path.join(base, "newer");
    mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
    writeFileSync(path.join(dataDir, "pglite", "PG_VERSION"), "99\n");
    // Without secrets in the environment, so that generating them would be a write too.
    const { AUTH_SECRET, ENCRYPTION_KEY, CRON_SECRET, ...noSecrets } = cliEnv(dataDir, secrets);
    expect([AUTH_SECRET, ENCRYPTION_KEY, CRON_SECRET].every(Boolean)).toBe(true);
    await refused(dataDir, "was made by PostgreSQL 99, but this portal bundles PostgreSQL 17", noSecrets);
    expect(readdirSync(dataDir).sort()).toEqual(["pglite"]);
    expect(readdirSync(path.join(dataDir, "pglite"))).toEqual(["PG_VERSION"]);
  });

  it("is not writable", async () => {
    const parent = path.join(base, "read-only");
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    const dataDir = path.join(parent, "data");
    // Root writes anywhere: run the CLI as nobody then (the worktree is world-readable).
    const asRoot = process.getuid?.() === 0;
    const e = cliEnv(dataDir, secrets);
    const args = ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "user:create", "--email", "bad@example.com", "--password", PASSWORD];
    const r = asRoot
      ? spawnSync("runuser", ["-u", "nobody", "--", process.execPath, ...args], { cwd: ROOT, env: { ...e, HOME: "/tmp" }, encoding: "utf8" })
      : spawnSync(process.execPath, args, { cwd: ROOT, env: e, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain("is not writable by this user");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("the server refuses to start on it, with the reason in its output", async () => {
    const file = path.join(base, "server-file");
    writeFileSync(file, "not a folder");
    const port = await freePort();
    const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...cliEnv(file, secrets, `http://127.0.0.1:${port}`), SCHEDULER: "off" },
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (out += b.toString("utf8")));
    const code = await Promise.race([
      new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c))),
      sleep(90_000).then(() => "still running"),
    ]);
    if (code === "still running") child.kill("SIGKILL");
    expect(code, out).not.toBe("still running");
    expect(code).not.toBe(0);
    expect(out).toContain(`${file} is a file, not a folder`);
    expect(readFileSync(file, "utf8")).toBe("not a folder");
  });
});
