// npm run senar:sim -- [flags]: runs the Senar simulator until Ctrl+C. See docs/SENAR-SIMULATOR.md.
import { parseArgs } from "node:util";
import { DEFAULT_ACCOUNT, type SimAccount, type SimOptions, startSimulator } from "./server";

const USAGE = `Usage: npm run senar:sim -- [--port 4010] [--seed 42] [--users 150] [--trainees 1200]
  [--activities 50000] [--anchor YYYY-MM-DD] [--live <seconds>] [--token-ttl 3600]
  [--latency <ms>] [--error-rate 0..1] [--malformed-rate 0..1] [--quiet]
  [--account user:password:seed[:accountName]]...   (repeatable; default ${DEFAULT_ACCOUNT.username}:${DEFAULT_ACCOUNT.password}:42:ACME)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function num(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number between ${min} and ${max}`);
  return n;
}

function parseAccount(spec: string): SimAccount {
  // user:password:seed[:accountName]; the account name may itself contain colons.
  const [username, password, seed, ...name] = spec.split(":");
  if (!username || !password || !seed || !/^\d+$/.test(seed)) fail(`--account "${spec}" must look like user:password:seed[:accountName]`);
  return { username, password, seed: Number(seed), accountName: name.length ? name.join(":") : undefined };
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: "string" }, seed: { type: "string" }, users: { type: "string" }, trainees: { type: "string" },
        activities: { type: "string" }, anchor: { type: "string" }, live: { type: "string" }, "token-ttl": { type: "string" },
        latency: { type: "string" }, "error-rate": { type: "string" }, "malformed-rate": { type: "string" },
        account: { type: "string", multiple: true }, quiet: { type: "boolean" }, help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

let anchor: Date | undefined;
if (values.anchor !== undefined) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.anchor)) fail("--anchor must be a date, YYYY-MM-DD");
  anchor = new Date(`${values.anchor}T00:00:00Z`);
}
const seed = num("seed", values.seed, 0);
const accounts = values.account?.length ? values.account.map(parseAccount) : [{ ...DEFAULT_ACCOUNT, seed: seed ?? DEFAULT_ACCOUNT.seed }];
const live = num("live", values.live, 0.05);

const opts: SimOptions = {
  port: num("port", values.port, 0, 65535) ?? 4010,
  accounts,
  users: num("users", values.users, 1),
  trainees: num("trainees", values.trainees, 1),
  activities: num("activities", values.activities, 0),
  anchor,
  tokenTtlSec: num("token-ttl", values["token-ttl"], 1),
  live: live ?? null,
  latencyMs: num("latency", values.latency, 0),
  errorRate: num("error-rate", values["error-rate"], 0, 1),
  malformedRate: num("malformed-rate", values["malformed-rate"], 0, 1),
  log: values.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
};

const sim = await startSimulator(opts);
console.log(`Senar simulator listening on ${sim.url}`);
for (const a of accounts) {
  const d = sim.dataset(a.username);
  console.log(
    `  ${a.username} / ${a.password}  (${d.accountName}, seed ${a.seed}): ${d.userCount} users, ${d.traineeCount} trainees, ` +
      `${d.activityCount} activities, collections ${d.collections.map((c) => `${c.id} ${c.title}`).join(", ")}`,
  );
}
if (opts.live) console.log(`  live: new activities every ${opts.live} s`);
if (opts.latencyMs || opts.errorRate || opts.malformedRate) {
  console.log(`  faults: latency ${opts.latencyMs ?? 0} ms, error rate ${opts.errorRate ?? 0}, malformed rate ${opts.malformedRate ?? 0}`);
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the Senar simulator`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
