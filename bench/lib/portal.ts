// A production portal for the benches: a throw-away PostgreSQL, migrated; the Senar simulator
// (in this process, so its hooks are readable); an owner, a workspace connected to the simulator
// and an API key created through the ops CLI; `next start` on a free loopback port; and a session
// cookie from the real next-auth sign-in flow. The caller builds Next first (under the e2e lock).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSimulator, type RunningSim } from "@/senar-sim/server";
import { freePort, startCluster, type Cluster } from "@/tests/support/postgres-cluster";
import { TSX, cliCommands, cliJson, runCaptured, stopChild, waitForUrl } from "./proc";

export const OWNER = { email: "bench-owner@bench.test", password: "bench-pass-2026!", name: "Bench Owner" };
export const SENAR = { username: "demo@senar.test", password: "demo-pass1", seed: 42, accountName: "ACME" };

export const ANCHOR = new Date("2026-06-01T00:00:00Z");

export type Portal = {
  url: string;
  slug: string;
  cookie: string;
  apiKey: string;
  sim: RunningSim;
  pgUrl: string;
  serverPid: number;
  /** Hook URLs the portal registered at the simulator (empty when webhooks are not available). */
  hookUrls: { activity?: string; user?: string };
  setupNotes: string[];
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
};

export type PortalOptions = { activities: number; users?: number; trainees?: number; log?: (s: string) => void };

export async function startPortal(opts: PortalOptions): Promise<Portal> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const notes: string[] = [];
  let cluster: Cluster | undefined;
  let sim: RunningSim | undefined;
  let server: ChildProcess | undefined;
  let stopping = false;
  const dataDir = mkdtempSync(path.join(tmpdir(), "senar-bench-"));
  const stop = async () => {
    stopping = true;
    if (server) await stopChild(server);
    await sim?.close();
    cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    cluster = await startCluster();
    sim = await startSimulator({
      accounts: [SENAR],
      activities: opts.activities,
      users: opts.users ?? 150,
      trainees: opts.trainees ?? 1200,
      anchor: ANCHOR,
    });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: cluster.url(),
      DATA_DIR: dataDir,
      APP_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      CRON_SECRET: randomBytes(24).toString("base64url"),
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
      // The simulator listens on 127.0.0.1, which the outgoing guard refuses unless listed.
      SENAR_ALLOWED_HOSTS: "127.0.0.1",
      OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
      // The benches load one hook URL far beyond a real Senar's pace: lift its budget.
      WEBHOOK_RATE_LIMIT: "100000000",
    };
    const mig = await runCaptured(process.execPath, [...TSX, "scripts/db-migrate.ts"], { env });
    if (mig.code !== 0) throw new Error(`db:migrate failed: ${mig.stderr || mig.stdout}`);

    cliJson(["user:create", "--email", OWNER.email, "--password", OWNER.password, "--name", OWNER.name], env);
    const ws = cliJson<{ slug: string }>(
      ["workspace:create", "--name", "Bench Org", "--owner", OWNER.email, "--senar-url", sim.url, "--senar-username", SENAR.username, "--senar-password", SENAR.password],
      env,
    );
    const key = cliJson<{ key: string }>(["apikey:create", "--workspace", ws.slug, "--name", "bench"], env);

    const commands = cliCommands();
    if (commands.includes("sync")) {
      log(`  syncing ${opts.activities.toLocaleString("en")} activities from the simulator (cli sync)…`);
      const t0 = performance.now();
      const r = await runCaptured(process.execPath, [...TSX, "scripts/cli.ts", "sync", "--workspace", ws.slug], { env });
      if (r.code !== 0) notes.push(`cli sync failed (${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
      else log(`  synced in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else {
      // No sync command yet: fill the cache through the same write path, from the same dataset.
      log(`  seeding ${opts.activities.toLocaleString("en")} activities through upsertActivities (no cli sync yet)…`);
      const args = [ws.slug, String(opts.users ?? 150), String(opts.trainees ?? 1200), String(opts.activities), ANCHOR.toISOString()];
      const r = await runCaptured(process.execPath, [...TSX, "bench/lib/seed-cache.ts", ...args], { env });
      if (r.code !== 0) throw new Error(`seeding failed (${r.code}): ${(r.stderr || r.stdout).trim().slice(-500)}`);
      notes.push(
        "The ops CLI had no `sync` command yet, so the workspace's cache was filled with the simulator's dataset through the cache's own write path (upsertUsers/upsertActivities) instead of a sync.",
      );
    }

    const hookUrls: Portal["hookUrls"] = {};
    if (commands.includes("webhooks:register")) {
      const r = await runCaptured(process.execPath, [...TSX, "scripts/cli.ts", "webhooks:register", "--workspace", ws.slug], { env });
      if (r.code !== 0) notes.push(`cli webhooks:register failed (${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
      for (const h of sim.hooks(SENAR.username)) hookUrls[h.method] = h.hookUrl;
    } else {
      notes.push("The ops CLI has no `webhooks:register` command yet, so no webhook URL existed to deliver to.");
    }

    server = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let serverOut = "";
    server.stdout?.on("data", (d: Buffer) => void (serverOut = (serverOut + d.toString()).slice(-4000)));
    server.stderr?.on("data", (d: Buffer) => void (serverOut = (serverOut + d.toString()).slice(-4000)));
    server.once("exit", (code) => {
      if (code && !stopping) log(`  next start exited (${code}):\n${serverOut}`);
    });
    await waitForUrl(`${url}/api/health`, "next start");
    const cookie = await signIn(url);
    return { url, slug: ws.slug, cookie, apiKey: key.key, sim, pgUrl: cluster.url(), serverPid: server.pid!, hookUrls, setupNotes: notes, env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** The real next-auth credentials flow: CSRF token, then POST the form; returns the Cookie header. */
export async function signIn(url: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: url },
    body: new URLSearchParams({ csrfToken, email: OWNER.email, password: OWNER.password, callbackUrl: `${url}/`, json: "true" }),
  });
  await res.arrayBuffer();
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed (${res.status}): no session cookie`);
  return session;
}
