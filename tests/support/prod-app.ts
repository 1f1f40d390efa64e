// A production Next.js server (`next start`, from the `.next` build) for the bad-input and fault
// suites: started on a free loopback port against a given PostgreSQL, killable with any signal
// (the fault suite kill -9s it mid-sync) and restartable on the same port.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./postgres-cluster";

/** The simulator listens on 127.0.0.1, which the outgoing guard refuses unless listed. */
export const SIM_HOSTS = { SENAR_ALLOWED_HOSTS: "studio.senar.io,127.0.0.1", OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" };

export type AppSecrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string; CRON_SECRET: string };

export type RunningApp = {
  url: string;
  port: number;
  pid: () => number | undefined;
  /** Everything the server printed (stdout + stderr), for diagnosing a failure. */
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts the server again on the same port (after kill). */
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export function assertBuilt(): void {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `next build` first (npm run test:bad-input / test:faults do).");
  }
}

/** Waits until GET url answers 200 (or throws after timeoutMs). */
export async function waitForOk(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

export async function startApp(opts: { databaseUrl: string; secrets: AppSecrets; env?: Record<string, string> }): Promise<RunningApp> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "senar-prod-app-"));
  let child: ChildProcess | undefined;
  let out = "";
  const start = async () => {
    out = "";
    child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "production",
        DATABASE_URL: opts.databaseUrl,
        DATA_DIR: dataDir,
        APP_URL: url,
        SCHEDULER: "off",
        LOG_LEVEL: "warn",
        ...opts.secrets,
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (b: Buffer) => {
      out = (out + b.toString("utf8")).slice(-200_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    await waitForOk(`${url}/api/health`, 90_000, child);
  };
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
    c.kill(signal);
    await Promise.race([exited, sleep(10_000)]);
    if (c.exitCode === null && c.signalCode === null) {
      c.kill("SIGKILL");
      await exited;
    }
  };
  await start();
  return { url, port, pid: () => child?.pid, output: () => out, kill, start, stop: () => kill("SIGTERM") };
}
