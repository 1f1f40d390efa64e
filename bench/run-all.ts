// npm run bench [-- --quick] [-- --only proxy,bundle,mixed,bench:senar,…] [-- --mixed-duration S]
// The one benchmark harness: builds Next once (holding /tmp/e2e.lock while it builds and while
// the portal benches serve that build), runs this harness's benches (bundle, proxy, mixed load)
// and every other bench:* script in package.json as child processes, and writes
// docs/BENCHMARKS.md with the machine, every figure, its same-run reference and ratio, and each
// missed goal with its reason. Each bench can also be run alone (npm run bench:<name>).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { machine } from "./lib/machine";
import { renderBenchmarks, type Section } from "./lib/markdown";
import { OWNER_BENCHES, ownerResult, type OwnerBench } from "./lib/owners";
import { TSX, buildNext, holdE2eLock, runCaptured } from "./lib/proc";
import { parseResult } from "./lib/result";

const { values } = parseArgs({ options: { quick: { type: "boolean" }, only: { type: "string" }, "mixed-duration": { type: "string" }, out: { type: "string" } }, strict: true });
const quick = values.quick === true;
const only = values.only?.split(",").map((s) => s.trim());
const OUT = values.out ?? "docs/BENCHMARKS.md";
const wanted = (name: string) => !only || only.includes(name) || only.includes(name.replace(/^bench:/, ""));
const TIMEOUT_MS = (quick ? 15 : 45) * 60_000;

const OWN = [
  { script: "bench:bundle", file: "bench/bundle.ts", args: [] as string[] },
  { script: "bench:proxy", file: "bench/proxy.ts", args: [] as string[] },
  { script: "bench:mixed", file: "bench/mixed-load.ts", args: values["mixed-duration"] ? ["--duration", values["mixed-duration"]] : [] },
];

const started = new Date();
const t0 = performance.now();
const m = machine();
console.error(`machine: ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.postgres}, load ${m.load}; sizes: ${quick ? "quick" : "full"}`);
const sections: Section[] = [];

async function runOne(script: string, file: string, args: string[], toResult: (stdout: string) => Section["result"], nodeArgs = TSX): Promise<void> {
  console.error(`\n== ${script} ${args.join(" ")}`);
  const r = await runCaptured(process.execPath, [...nodeArgs, file, ...args], { echo: `  [${script}] `, timeoutMs: TIMEOUT_MS });
  let result: Section["result"] = null;
  let failure: string | undefined;
  try {
    result = r.code === 0 ? toResult(r.stdout) : null;
  } catch (err) {
    failure = `its output could not be read: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (r.code !== 0) failure = `exited with ${r.code ?? "a signal (time limit?)"}: ${(r.stderr.trim().split("\n").slice(-3).join(" ") || r.stdout.trim().split("\n").at(-1) || "").slice(0, 400)}`;
  else if (!result) failure ??= "printed no result";
  sections.push({ script, result, failure, seconds: r.ms / 1000 });
}

// 1. This harness's benches on one production build, under the e2e lock.
const own = OWN.filter((b) => wanted(b.script));
if (own.length) {
  const lock = await holdE2eLock();
  try {
    console.error("building Next once for the portal benches (holding /tmp/e2e.lock)…");
    await buildNext();
    for (const b of own) await runOne(b.script, b.file, [...(quick ? ["--quick"] : []), "--no-build", ...b.args], parseResult);
  } finally {
    lock.release();
  }
}

// 2. Every other bench:* script (the owners'), known or not.
const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const ownNames = new Set(["bench", ...OWN.map((b) => b.script)]);
for (const [script, command] of Object.entries(scripts)) {
  if (!script.startsWith("bench:") || ownNames.has(script) || !wanted(script)) continue;
  const file = /bench\/[\w./-]+\.ts/.exec(command)?.[0];
  if (!file) {
    sections.push({ script, result: null, failure: `cannot tell which file \`${command}\` runs`, seconds: 0 });
    continue;
  }
  const known: OwnerBench = OWNER_BENCHES.find((b) => b.script === script) ?? { script, title: script, quickArgs: [], fullArgs: [], quickSize: "the script's defaults", fullSize: "the script's defaults" };
  // The node flags of the npm script (e.g. bench:sync's heap limit), so `npm run bench` measures
  // exactly what `npm run <script>` does.
  const words = command.split(/\s+/);
  const nodeArgs = words[0] === "node" ? words.slice(1, words.indexOf(file)) : TSX;
  await runOne(script, file, quick ? known.quickArgs : known.fullArgs, (stdout) => ownerResult(known, quick, stdout), nodeArgs);
}
for (const b of OWNER_BENCHES) {
  if (!scripts[b.script] && wanted(b.script)) sections.push({ script: b.script, result: null, failure: "no such npm script yet (its owner has not added it)", seconds: 0 });
}

const md = renderBenchmarks({
  machine: m,
  mode: quick ? "quick" : "full",
  startedAt: started,
  seconds: (performance.now() - t0) / 1000,
  loadAfter: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  sections,
});
writeFileSync(OUT, md);
console.error(`\nwrote ${OUT}`);
for (const s of sections) console.error(`  ${s.script}: ${s.result ? `${s.result.missed.length} missed goal(s)` : `FAILED: ${s.failure}`}`);
