// Measures the simulator serving a large activities response (not a test: figures, not asserts).
// Starts senar-sim/main.ts as its own process, downloads GET /integration/data/activities once at
// full speed and once with a reader that stalls, and prints time, throughput and the simulator's
// peak RSS (VmHWM from /proc). Usage: node --import tsx senar-sim/measure.ts [activities]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const N = Number(process.argv[2] ?? 1_000_000);
const PORT = 4000 + Math.floor(Math.random() * 900);
const base = `http://127.0.0.1:${PORT}`;

const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", "senar-sim/main.ts", "--port", String(PORT), "--activities", String(N), "--anchor", "2025-06-01", "--quiet"],
  { stdio: ["ignore", "ignore", "inherit"] },
);
const MARK = Buffer.from('{"id":');
/** CPU seconds (user + system) the simulator process has used so far. */
const cpuSec = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};
const memKb = (field: "VmHWM" | "VmRSS") => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0);
};

try {
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
    if (i > 100) throw new Error("simulator did not start");
    await sleep(100);
  }
  const idle = memKb("VmRSS");
  const login = await fetch(`${base}/api/auth/login`, { method: "POST", body: JSON.stringify({ username: "demo@senar.test", password: "demo-pass1" }) });
  const { Token } = (await login.json()) as { Token: string };

  const download = async (stallAtBytes: number | null) => {
    const t0 = performance.now();
    const cpu0 = cpuSec();
    const res = await fetch(`${base}/integration/data/activities`, { headers: { authorization: `Bearer ${Token}` } });
    if (!res.body) throw new Error("no body");
    let bytes = 0;
    let records = 0;
    let rssWhileStalled = 0;
    let tail = Buffer.alloc(0);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      // Count record starts natively (the reader must cost far less than the server); a short
      // tail carried over counts a marker split across chunks once.
      const buf = Buffer.concat([tail, chunk]);
      for (let at = buf.indexOf(MARK); at !== -1; at = buf.indexOf(MARK, at + MARK.length)) records++;
      tail = buf.subarray(buf.length - (MARK.length - 1));
      if (stallAtBytes !== null && bytes >= stallAtBytes) {
        stallAtBytes = null;
        await sleep(3000); // the simulator must stop generating, not buffer the rest
        rssWhileStalled = memKb("VmRSS");
      }
    }
    const sec = (performance.now() - t0) / 1000;
    return { records, mb: bytes / 1e6, sec, cpu: cpuSec() - cpu0, rssWhileStalled };
  };

  const fast = await download(null);
  const slow = await download(50e6);
  const peak = memKb("VmHWM");
  console.log(`activities: ${N.toLocaleString("en")} (${fast.records.toLocaleString("en")} received, ${fast.mb.toFixed(0)} MB)`);
  console.log(`full-speed download: ${fast.sec.toFixed(1)} s, ${Math.round(fast.records / fast.sec).toLocaleString("en")} records/s, ${(fast.mb / fast.sec).toFixed(0)} MB/s`);
  console.log(`simulator CPU: ${fast.cpu.toFixed(1)} s for the full-speed download (${Math.round(fast.records / fast.cpu).toLocaleString("en")} records per CPU-second)`);
  console.log(`stalled reader: simulator RSS after a 3 s stall at 50 MB: ${(slow.rssWhileStalled / 1024).toFixed(0)} MB`);
  console.log(`simulator RSS idle: ${(idle / 1024).toFixed(0)} MB, peak over both downloads: ${(peak / 1024).toFixed(0)} MB`);
} finally {
  child.kill("SIGTERM");
}
