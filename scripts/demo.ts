// npm run demo: the portal on the embedded database at http://localhost:3000, connected to the
// bundled Senar simulator in live mode, with two demo organisations, synced, hooks registered.
// Everything goes through the public CLI, the way an operator would set it up.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const PORT = Number(process.env.PORT ?? 3000);
const SIM_PORT = Number(process.env.SIM_PORT ?? 4010);
const APP_URL = process.env.APP_URL ?? `http://localhost:${PORT}`;
const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
const DATA_DIR = process.env.DATA_DIR ?? ".data";
// The simulator listens on 127.0.0.1, which the outgoing guard refuses unless listed.
const env = {
  ...process.env,
  APP_URL,
  DATA_DIR,
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  SENAR_ALLOWED_HOSTS: process.env.SENAR_ALLOWED_HOSTS ?? "studio.senar.io,127.0.0.1",
  OUTBOUND_ALLOWED_HOSTS: process.env.OUTBOUND_ALLOWED_HOSTS ?? "127.0.0.1",
};
const TSX = ["--conditions=react-server", "--import", "tsx"];

const OWNER = { email: "owner@demo.test", password: "senar-demo-2026", name: "Dana Owner" };
const ORGS = [
  { name: "ACME Safety Training", username: "demo@senar.test", password: "demo-pass1", seed: 42, account: "ACME" },
  { name: "Globex Logistics", username: "globex@senar.test", password: "globex-pass1", seed: 7, account: "Globex" },
];

const children: ChildProcess[] = [];
const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
function stopAll() {
  for (const c of children) if (running(c)) c.kill("SIGTERM");
}
// Ctrl+C reaches the children too (same process group); either way, exit only once they have
// (the portal closes its database first: exiting early would leave the terminal before that).
let stopping = false;
async function stopAndExit(code: number) {
  if (stopping) return;
  stopping = true;
  stopAll();
  await Promise.all(children.filter(running).map((c) => new Promise((r) => c.once("exit", r))));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stopAndExit(0));

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [...TSX, "scripts/cli.ts", ...args], { env, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`cli ${args[0]} failed:\n${r.stderr || r.stdout}`);
    stopAll();
    process.exit(1);
  }
  return r.stdout.trim();
}

async function waitFor(url: string, what: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

// 1. The simulator, live: a new activity every few seconds, posted to the registered hooks.
const sim = spawn(
  process.execPath,
  [
    ...TSX,
    "senar-sim/main.ts",
    "--port", String(SIM_PORT),
    "--users", "60",
    "--trainees", "400",
    "--activities", "20000",
    "--live", "10",
    "--quiet",
    ...ORGS.flatMap((o) => ["--account", `${o.username}:${o.password}:${o.seed}:${o.account}`]),
  ],
  { stdio: "inherit", env },
);
children.push(sim);
await waitFor(`${SIM_URL}/health`, "The Senar simulator");

// 2. First run: the owner account and two organisations, each connected to its Senar account.
mkdirSync(DATA_DIR, { recursive: true });
const stateFile = path.join(DATA_DIR, "demo.json");
let slugs: string[];
if (existsSync(stateFile)) {
  slugs = (JSON.parse(readFileSync(stateFile, "utf8")) as { slugs: string[] }).slugs;
} else {
  console.log("Setting up the demo organisations…");
  cli(["user:create", "--email", OWNER.email, "--password", OWNER.password, "--name", OWNER.name]);
  slugs = ORGS.map((o) => {
    const out = JSON.parse(
      cli([
        "workspace:create", "--name", o.name, "--owner", OWNER.email,
        "--senar-url", SIM_URL, "--senar-username", o.username, "--senar-password", o.password, "--json",
      ]),
    ) as { slug: string };
    return out.slug;
  });
  writeFileSync(stateFile, JSON.stringify({ slugs }, null, 2));
}

// 3. Every start: the simulator keeps no state, so register the hooks again and sync.
for (const slug of slugs) {
  cli(["webhooks:register", "--workspace", slug]);
  console.log(`Syncing ${slug}…`);
  console.log(cli(["sync", "--workspace", slug]));
}

// 4. Build once (again only when the sources are newer than the build), then serve.
// Without git (a downloaded archive) spawnSync gives no stdout: then a present build is reused.
const lastCommit = Number(spawnSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" }).stdout?.trim() || 0) * 1000;
const buildId = ".next/BUILD_ID";
if (!existsSync(buildId) || statSync(buildId).mtimeMs < lastCommit || process.argv.includes("--build")) {
  console.log("Building the portal (once)…");
  const b = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (b.status !== 0) {
    stopAll();
    process.exit(b.status ?? 1);
  }
}
const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { stdio: "inherit", env });
children.push(server);
await waitFor(`http://127.0.0.1:${PORT}/api/health`, "The portal");
console.log(`
  Senar Portal   ${APP_URL}
  Sign in        ${OWNER.email} / ${OWNER.password}
  Workspaces     ${slugs.map((s) => `${APP_URL}/w/${s}`).join("\n                 ")}
  Simulator      ${SIM_URL} (live: a new activity every 10 s)
  Ctrl+C stops everything.
`);
server.on("exit", (code) => void stopAndExit(stopping ? 0 : (code ?? 0)));
