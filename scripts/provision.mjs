// First step of `npm test`: make sure the machine has what the suites need that npm cannot
// install (Debian's Chromium for Playwright, the PostgreSQL 15 server for the integration
// tests), so a fresh machine either gets them now or stops at once with one line saying what
// to install, instead of failing suites later. Plain Node, no dependencies: it runs before
// anything else. Paths: CHROMIUM_PATH (playwright.config.ts) and PG_BIN
// (tests/support/postgres-cluster.ts) read the same variables with the same defaults.
// Test overrides: PROVISION_DRY_RUN=1 says what it would install and installs nothing;
// PROVISION_AS_USER=1 / PROVISION_AS_ROOT=1 behave as if (not) root, so every branch can be tested
// on any machine (with a stand-in apt-get first on PATH).
import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const pgBin = process.env.PG_BIN || "/usr/lib/postgresql/15/bin";
const dryRun = process.env.PROVISION_DRY_RUN === "1";
const isRoot =
  process.env.PROVISION_AS_USER !== "1" && (process.env.PROVISION_AS_ROOT === "1" || process.getuid?.() === 0);

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (cmd) => (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && executable(path.join(dir, cmd)));
// The cluster helper runs initdb as `postgres` via runuser when root; the Debian package creates that user.
const postgresUserExists = () => {
  try {
    return readFileSync("/etc/passwd", "utf8").split("\n").some((l) => l.startsWith("postgres:"));
  } catch {
    return false;
  }
};

const needs = [
  {
    name: "Chromium",
    pkg: "chromium",
    why: "the browser tests",
    where: chromiumPath,
    variable: "CHROMIUM_PATH",
    present: () => executable(chromiumPath),
  },
  {
    name: "the PostgreSQL 15 server",
    pkg: "postgresql-15",
    why: "the integration tests",
    where: pgBin,
    variable: "PG_BIN",
    present: () => executable(path.join(pgBin, "initdb")) && executable(path.join(pgBin, "postgres")) && (!isRoot || postgresUserExists()),
  },
];

const missing = needs.filter((n) => !n.present());
if (missing.length === 0) {
  console.log(`provision: ok (Chromium at ${chromiumPath}, PostgreSQL 15 server in ${pgBin})`);
  process.exit(0);
}

const what = missing.map((n) => `${n.name} (${n.where}, for ${n.why})`).join(" and ");
const override = missing.map((n) => n.variable).join(" / ");
const pkgs = missing.map((n) => n.pkg).join(" ");
const [them, theyAre] = missing.length > 1 ? ["them", "they are"] : ["it", "it is"];
const fail = (line) => {
  console.error(`provision: ${line}`);
  process.exit(1);
};

if (!onPath("apt-get")) {
  fail(`missing ${what}, and there is no apt-get here: install ${them} with this system's package manager, or set ${override} to where ${theyAre}.`);
}
if (!isRoot) fail(`missing ${what}: run sudo apt-get install -y ${pkgs} (or set ${override} to where ${theyAre}), then npm test again.`);

const apt = (args) => {
  if (dryRun) return;
  const r = spawnSync("apt-get", args, {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.status !== 0) {
    const detail = (r.stderr || r.error?.message || "").trim().split("\n").slice(-1)[0];
    fail(`apt-get ${args.join(" ")} failed (${detail}): run it by hand, or set ${override}.`);
  }
};

const dry = dryRun ? " (dry run: nothing installed)" : "";
apt(["update", "-qq"]);
for (const n of missing) {
  console.log(`provision: installing Debian's ${n.pkg} for ${n.why} (apt-get)…${dry}`);
  apt(["install", "-y", "-qq", n.pkg]);
}
if (dryRun) process.exit(0);

// The package puts its files at the default paths; a custom path that is still missing is a mistake to name.
const pgBinariesThere = executable(path.join(pgBin, "initdb")) && executable(path.join(pgBin, "postgres"));
if (pgBinariesThere && !postgresUserExists()) {
  fail("the PostgreSQL binaries are there but the postgres user is not (as root the tests run initdb as that user): run useradd --system --user-group postgres.");
}
const still = missing.filter((n) => !n.present());
if (still.length > 0) {
  const many = still.length > 1;
  fail(
    `installed ${still.map((n) => n.pkg).join(" ")}, but ${still.map((n) => `${n.variable}=${n.where}`).join(" and ")} still ${many ? "have no usable binaries" : "has no usable binary"}: unset ${still.map((n) => n.variable).join(" / ")} to use Debian's paths, or point ${many ? "them" : "it"} at the binaries.`,
  );
}
