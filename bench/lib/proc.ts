// Child-process helpers for the benches: run a command and capture its output, wait for a URL,
// hold /tmp/e2e.lock (the shared .next build folder), build Next, sample a process tree's RSS.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export const TSX = ["--conditions=react-server", "--import", "tsx"];

export type Captured = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a command to completion, echoing its output with a prefix, and returns what it printed. */
export function runCaptured(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; echo?: string; timeoutMs?: number } = {},
): Promise<Captured> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const echo = (chunk: string) => {
      if (opts.echo === undefined) return;
      for (const line of chunk.split("\n")) if (line.trim() && !line.startsWith("BENCH-RESULT ")) process.stderr.write(`${opts.echo}${line}\n`);
    };
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      echo(d.toString());
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      echo(d.toString());
    });
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGTERM"), opts.timeoutMs) : undefined;
    child.once("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** The ops CLI (npm run cli) against a given environment; returns parsed --json output. */
export function cliJson<T>(args: string[], env: NodeJS.ProcessEnv): T {
  const r = spawnSync(process.execPath, [...TSX, "scripts/cli.ts", ...args, "--json"], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cli ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout) as T;
}

/** Names of the ops CLI's commands, read from its registry file (so a bench can adapt). */
export function cliCommands(): string[] {
  const src = readFileSync("server/cli/commands/index.ts", "utf8");
  const names: string[] = [];
  for (const file of src.matchAll(/from "\.\/([a-z0-9-]+)"/g)) {
    const text = readFileSync(`server/cli/commands/${file[1]}.ts`, "utf8");
    const m = /name:\s*"([^"]+)"/.exec(text);
    if (m?.[1]) names.push(m[1]);
  }
  return names;
}

export async function waitForUrl(url: string, what: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not answer ${url} within ${ms / 1000} s`);
}

/**
 * Holds /tmp/e2e.lock until release() (or until this process dies: the holder reads our stdin).
 * Others build into the same .next, so a bench holds it while it builds AND while `next start`
 * serves that build.
 */
export async function holdE2eLock(): Promise<{ release: () => void }> {
  const holder = spawn("flock", ["/tmp/e2e.lock", "sh", "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once("data", () => resolve());
    holder.once("exit", (code) => reject(new Error(`flock exited (${code})`)));
  });
  return { release: () => holder.stdin.end() };
}

/** `next build` (the caller holds the e2e lock). */
export async function buildNext(): Promise<number> {
  const r = await runCaptured("node_modules/.bin/next", ["build"], { echo: "  [build] " });
  if (r.code !== 0) throw new Error(`next build failed (${r.code})`);
  return r.ms;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    /* gone */
  }
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every pid in the tree rooted at pid (next start may fork workers). */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

/**
 * Samples the RSS of a process tree every `everyMs`: peak of the summed VmRSS, and the largest
 * single-process VmHWM (the kernel's own high-water mark, which catches spikes between samples).
 */
export function rssSampler(pid: number, everyMs = 100) {
  let peakTreeKb = 0;
  let lastTreeKb = 0;
  const hwm = new Map<number, number>();
  const sample = () => {
    const pids = processTree(pid);
    let sum = 0;
    for (const p of pids) {
      sum += statusKb(p, "VmRSS");
      hwm.set(p, Math.max(hwm.get(p) ?? 0, statusKb(p, "VmHWM")));
    }
    lastTreeKb = sum;
    peakTreeKb = Math.max(peakTreeKb, sum);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { peakTreeMb: peakTreeKb / 1024, lastTreeMb: lastTreeKb / 1024, maxHwmMb: Math.max(0, ...hwm.values()) / 1024, processes: hwm.size };
    },
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
