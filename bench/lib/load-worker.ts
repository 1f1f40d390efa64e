// The load generator of bench/mixed-load.ts, run as its OWN process (loopback client, separate
// from the server and from the orchestrator that samples the server's memory). Open loop: each
// kind of request is launched at a fixed rate, with a cap on requests in flight, for a fixed
// time; at most rate × duration requests per kind. Prints one JSON line with the outcome.
import { datasetFor } from "@/senar-sim/dataset";
import { rngFrom } from "@/senar-sim/rng";
import { percentile } from "./stats";

export type LoadPlan = {
  url: string;
  slug: string;
  cookie: string;
  apiKey: string;
  hookUrl: string | null;
  durationMs: number;
  rates: { webhook: number; page: number; api: number };
  maxInFlight: number;
  dataset: { seed: number; accountName: string; username: string; users: number; trainees: number; activities: number; anchor: string };
};

export type KindOutcome = {
  sent: number;
  ok: number;
  errors: number;
  /** Not launched because maxInFlight requests of this kind were already open (back-pressure). */
  capped: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
};

export type LoadOutcome = { kinds: Record<string, KindOutcome>; ackedIds: string[]; elapsedMs: number };

/** Bounded in time: no request may keep the run open longer than this. */
const REQUEST_TIMEOUT_MS = 30_000;
const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;
const ds = datasetFor(
  { seed: plan.dataset.seed, accountName: plan.dataset.accountName, username: plan.dataset.username },
  { users: plan.dataset.users, trainees: plan.dataset.trainees, activities: plan.dataset.activities, anchor: new Date(plan.dataset.anchor) },
);
const rng = rngFrom("mixed-load", plan.dataset.seed);
// Ids far above the simulator's own live ids, so nothing else can write them.
let nextId = ds.nextActivityId + 5_000_000;
const sentIds: number[] = [];
const acked = new Set<string>();

const pages = ["", "/activities", "/breakdowns", "/trainees", "/matrix"].map((p) => `${plan.url}/w/${plan.slug}${p}`);
const apis = ["/api/v1/activities?rows=50", "/api/v1/reports/summary", "/api/v1/users?rows=50", "/api/v1/usage"].map((p) => `${plan.url}${p}`);

type Req = { send: () => Promise<{ status: number; onOk?: () => void }> };
function makeRequest(kind: "webhook" | "page" | "api", n: number): Req {
  if (kind === "webhook") {
    // One delivery in ten repeats an earlier id (Senar retries); the rest are new activities.
    const repeat = sentIds.length > 0 && rng() < 0.1;
    const id = repeat ? sentIds[Math.floor(rng() * sentIds.length)]! : nextId++;
    if (!repeat) sentIds.push(id);
    const body = JSON.stringify(ds.liveActivity(id, new Date(), rng));
    return {
      send: async () => {
        const r = await fetch(plan.hookUrl!, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await r.arrayBuffer();
        return { status: r.status, onOk: () => acked.add(String(id)) };
      },
    };
  }
  const url = kind === "page" ? pages[n % pages.length]! : apis[n % apis.length]!;
  const headers: Record<string, string> = kind === "page" ? { cookie: plan.cookie } : { authorization: `Bearer ${plan.apiKey}` };
  return {
    send: async () => {
      const r = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await r.arrayBuffer();
      return { status: r.status };
    },
  };
}

async function drive(kind: "webhook" | "page" | "api", rate: number, deadline: number): Promise<KindOutcome> {
  const out: KindOutcome = { sent: 0, ok: 0, errors: 0, capped: 0, statuses: {}, p50: NaN, p99: NaN, max: NaN, perSecond: 0 };
  if (rate <= 0 || (kind === "webhook" && !plan.hookUrl)) return out;
  const lat: number[] = [];
  const open = new Set<Promise<void>>();
  const t0 = performance.now();
  const interval = 1000 / rate;
  for (let n = 0; ; n++) {
    const due = t0 + n * interval;
    if (due >= deadline) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (open.size >= plan.maxInFlight) {
      out.capped++;
      continue;
    }
    const req = makeRequest(kind, n);
    out.sent++;
    const started = performance.now();
    const p = req
      .send()
      .then(({ status, onOk }) => {
        lat.push(performance.now() - started);
        out.statuses[status] = (out.statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 300) {
          out.ok++;
          onOk?.();
        } else out.errors++;
      })
      .catch((err: unknown) => {
        const key = `network: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`;
        out.statuses[key] = (out.statuses[key] ?? 0) + 1;
        out.errors++;
      })
      .finally(() => open.delete(p));
    open.add(p);
  }
  await Promise.all(open);
  const secs = (performance.now() - t0) / 1000;
  return { ...out, p50: percentile(lat, 50), p99: percentile(lat, 99), max: Math.max(...lat), perSecond: out.ok / secs };
}

const start = performance.now();
const deadline = start + plan.durationMs;
const [webhook, page, api] = await Promise.all([
  drive("webhook", plan.rates.webhook, deadline),
  drive("page", plan.rates.page, deadline),
  drive("api", plan.rates.api, deadline),
]);
const outcome: LoadOutcome = { kinds: { webhook: webhook!, page: page!, api: api! }, ackedIds: [...acked], elapsedMs: performance.now() - start };
console.log(JSON.stringify(outcome));
