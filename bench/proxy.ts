// npm run bench:proxy [-- --quick --no-build --requests N --runs R]
// BFF proxy overhead: p50/p95 of POST /api/w/<slug>/senar/test-connection on a production build
// (session check, membership, stored password decrypted, a real Senar login, status and audit
// written) against the direct call it wraps, POST <simulator>/api/auth/login, in the same run.
// Calls alternate one by one, so drift on this shared machine hits both sides alike.
import { benchArgs, numberFlag } from "./lib/args";
import { withBuiltPortal } from "./lib/built-portal";
import { SENAR, type Portal } from "./lib/portal";
import { loadLine, printResult, type BenchResult } from "./lib/result";
import { fmt, median, percentile, ratio } from "./lib/stats";

const args = benchArgs({ requests: { type: "string" }, runs: { type: "string" } });
const REQUESTS = numberFlag(args.values, "requests", args.quick ? 100 : 300);
const RUNS = numberFlag(args.values, "runs", args.quick ? 3 : 5);
const WARMUP = 30;

async function timed(fn: () => Promise<Response>, check: (status: number, body: string) => boolean): Promise<number> {
  const t0 = performance.now();
  const res = await fn();
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!check(res.status, body)) throw new Error(`unexpected answer ${res.status}: ${body.slice(0, 200)}`);
  return ms;
}

function calls(p: Portal) {
  const bff = () =>
    timed(
      () => fetch(`${p.url}/api/w/${p.slug}/senar/test-connection`, { method: "POST", headers: { cookie: p.cookie, origin: p.url } }),
      (s, b) => s === 200 && (JSON.parse(b) as { ok?: boolean }).ok === true,
    );
  const direct = () =>
    timed(
      () => fetch(`${p.sim.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: SENAR.username, password: SENAR.password }) }),
      (s) => s === 200,
    );
  return { bff, direct };
}

const result = await withBuiltPortal(args.build, { activities: 1000, users: 30, trainees: 100 }, async (p) => {
  const { bff, direct } = calls(p);
  for (let i = 0; i < WARMUP; i++) {
    await direct();
    await bff();
  }
  const runs: { bff50: number; bff95: number; d50: number; d95: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const b: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      d.push(await direct());
      b.push(await bff());
    }
    const run = { bff50: percentile(b, 50), bff95: percentile(b, 95), d50: percentile(d, 50), d95: percentile(d, 95) };
    runs.push(run);
    console.log(`run ${r + 1}/${RUNS}: BFF p50 ${fmt(run.bff50, 2)} ms p95 ${fmt(run.bff95, 2)} ms | direct p50 ${fmt(run.d50, 2)} ms p95 ${fmt(run.d95, 2)} ms | ${loadLine()}`);
  }
  const m = (k: keyof (typeof runs)[number]) => median(runs.map((x) => x[k]));
  return { bff50: m("bff50"), bff95: m("bff95"), d50: m("d50"), d95: m("d95"), notes: p.setupNotes };
});

const added50 = result.bff50 - result.d50;
const added95 = result.bff95 - result.d95;
console.log(`median of ${RUNS} runs: added p50 ${fmt(added50, 2)} ms, added p95 ${fmt(added95, 2)} ms (BFF/direct p50 ${fmt(ratio(result.bff50, result.d50), 2)}x)`);

const out: BenchResult = {
  name: "proxy",
  title: "BFF proxy overhead",
  size: `${RUNS} runs × ${REQUESTS} calls each side, after ${WARMUP} warm-up calls`,
  method:
    "`next start` (production build) on a throw-away PostgreSQL; signed in through next-auth. BFF: `POST /api/w/<slug>/senar/test-connection` " +
    "(session, membership, decrypt stored credentials, Senar login, status + audit rows written). Direct: `POST /api/auth/login` on the simulator. " +
    "Calls alternate direct/BFF one at a time over loopback; p50/p95 per run, median over runs.",
  figures: [
    { label: "BFF p50", value: result.bff50, unit: "ms", reference: { label: "direct p50", value: result.d50 }, ratio: ratio(result.bff50, result.d50) },
    { label: "BFF p95", value: result.bff95, unit: "ms", reference: { label: "direct p95", value: result.d95 }, ratio: ratio(result.bff95, result.d95) },
    { label: "added p50", value: added50, unit: "ms" },
    { label: "added p95", value: added95, unit: "ms" },
  ],
  notes: result.notes.filter((n) => !/sync|webhook/i.test(n)),
  missed: [],
};
printResult(out);
