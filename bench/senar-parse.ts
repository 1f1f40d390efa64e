// npm run bench:senar [-- --activities 1000000 --batch 5000 --compare 200000]
// Streams Senar activities from the simulator (its own child process, so its memory is not
// counted here) through the real SenarClient with a no-op onBatch, and prints records/s and this
// process's peak RSS. A benchmark, not a test: it prints figures and ratios against the goals
// (peak RSS < 300 MB, >= 100k records/s). With --compare N it also streams N records through
// the @streamparser/json engine alone, for the ratio between the two (docs/BENCH-SENAR.md).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { SenarClient, type StreamOptions } from "@/server/senar/senar-client";

const { values } = parseArgs({
  options: { activities: { type: "string" }, batch: { type: "string" }, compare: { type: "string" } },
  strict: true,
});
const N = Number(values.activities ?? 1_000_000);
const BATCH = Number(values.batch ?? 5_000);
const COMPARE = values.compare === undefined ? 0 : Number(values.compare);
const GOAL_RSS_MB = 300;
const GOAL_RATE = 100_000;
const MB = 1024 * 1024;

/** Peak RSS, two ways: sampled every 50 ms, and the kernel's high-water mark (Linux). */
let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 50);
const vmHwm = (): number | undefined => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
};

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 0 elsewhere). */
const cpuSecondsOf = (pid: number | undefined): number => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in USER_HZ (100) ticks
  } catch {
    return 0;
  }
};

// The simulator listens on 127.0.0.1, which the outgoing guard refuses unless listed.
Object.assign(process.env, { SENAR_ALLOWED_HOSTS: "127.0.0.1", OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" });

type Sim = { url: string; stop: () => void; cpuSeconds: () => number };

async function startSim(activities: number): Promise<Sim> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "senar-sim/main.ts", "--port", "0", "--activities", String(activities), "--anchor", "2025-06-01", "--quiet"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited (${code}) before listening`)));
  });
  child.stdout.resume();
  return { url, stop: () => child.kill("SIGTERM"), cpuSeconds: () => cpuSecondsOf(child.pid) };
}

async function run(label: string, sim: Sim, expected: number, parser: StreamOptions["parser"]) {
  const client = new SenarClient({ baseUrl: sim.url, username: "demo@senar.test", password: "demo-pass1" }, { timeoutMs: 30_000 });
  await client.login();
  const simCpu0 = sim.cpuSeconds();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let batches = 0;
  const totals = await client.streamActivities(
    async () => {
      batches++;
    },
    { batchSize: BATCH, parser },
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const simCpu = sim.cpuSeconds() - simCpu0;
  if (totals.seen !== expected) throw new Error(`${label}: expected ${expected} records, saw ${totals.seen}`);
  const rate = totals.valid / seconds;
  const perCpu = totals.valid / cpuSeconds;
  console.log(
    `${label}: ${totals.valid.toLocaleString("en")} records (${totals.refused} refused) in ${seconds.toFixed(2)} s, ${batches} batches` +
      ` -> ${Math.round(rate).toLocaleString("en")} records/s wall; client ${cpuSeconds.toFixed(1)} CPU-s (${Math.round(perCpu).toLocaleString("en")} records per CPU-second)` +
      (simCpu > 0 ? `, simulator ${simCpu.toFixed(1)} CPU-s` : ""),
  );
  return { rate, perCpu };
}

console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / MB / 1024)} GB RAM, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}`);
console.log(`starting the simulator (child process) with ${N.toLocaleString("en")} activities...`);
const sim = await startSim(N);
try {
  console.log(`RSS before streaming (modules loaded): ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
  const { rate } = await run("client (default parser)", sim, N, "auto");
  const peak = Math.max(sampledPeak, process.memoryUsage().rss);
  const hwm = vmHwm();
  console.log(`peak RSS of this process: ${(peak / MB).toFixed(0)} MB sampled every 50 ms${hwm ? `, ${(hwm / MB).toFixed(0)} MB VmHWM` : ""}`);
  const worst = Math.max(peak, hwm ?? 0) / MB;
  console.log(`goals: records/s ${Math.round(rate).toLocaleString("en")} / ${GOAL_RATE.toLocaleString("en")} = ${(rate / GOAL_RATE).toFixed(2)}x ${rate >= GOAL_RATE ? "OK" : "BELOW GOAL"}; peak RSS ${worst.toFixed(0)} / ${GOAL_RSS_MB} MB ${worst < GOAL_RSS_MB ? "OK" : "ABOVE GOAL"}`);
} finally {
  sim.stop();
}

if (COMPARE > 0) {
  console.log(`\ncomparison: ${COMPARE.toLocaleString("en")} activities through each engine`);
  const small = await startSim(COMPARE);
  try {
    const fast = await run("  default (array framer + JSON.parse)", small, COMPARE, "auto");
    const lib = await run("  @streamparser/json only           ", small, COMPARE, "streamparser");
    console.log(`  ratio: ${(fast.rate / lib.rate).toFixed(1)}x wall, ${(fast.perCpu / lib.perCpu).toFixed(1)}x per CPU-second`);
  } finally {
    small.stop();
  }
}
clearInterval(sampler);
