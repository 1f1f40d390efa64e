// The first step of `npm test` (scripts/provision.mjs), run as a child process. Nothing is
// installed or removed: missing software is simulated with paths that do not exist, and apt-get
// with a stand-in script first on PATH that records its arguments.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "../../scripts/provision.mjs");

function fakeExecutable(file: string, body = "exit 0") {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A folder for PATH with an apt-get that logs its arguments (and fails when asked to). */
function fakeApt(opts: { fail?: boolean } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "provision-bin-"));
  const log = path.join(dir, "apt.log");
  fakeExecutable(
    path.join(dir, "apt-get"),
    `echo "$*" >> "${log}"\n${opts.fail ? 'echo "E: Unable to locate package chromium" >&2\nexit 100' : "exit 0"}`,
  );
  return { dir, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) };
}

/** Chromium and the PostgreSQL binaries as stand-ins, so "everything present" holds on any machine. */
function fakeInstall() {
  const dir = mkdtempSync(path.join(tmpdir(), "provision-sw-"));
  fakeExecutable(path.join(dir, "chromium"));
  fakeExecutable(path.join(dir, "pg", "initdb"));
  fakeExecutable(path.join(dir, "pg", "postgres"));
  return { chromium: path.join(dir, "chromium"), pgBin: path.join(dir, "pg") };
}

function provision(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [script], {
    encoding: "utf8",
    // Only what is given: no CHROMIUM_PATH, PG_BIN or PROVISION_* leaks in from the caller.
    env: { NODE_ENV: "test", PATH: fakeApt().dir, ...env },
  });
  const lines = (s: string) => s.split("\n").filter((l) => l !== "");
  return { code: r.status, out: lines(r.stdout), err: lines(r.stderr) };
}

describe("provision (first step of npm test)", () => {
  it("prints one ok line and exits 0 when everything is there", () => {
    const sw = fakeInstall();
    const r = provision({ CHROMIUM_PATH: sw.chromium, PG_BIN: sw.pgBin, PROVISION_AS_USER: "1" });
    expect(r).toEqual({ code: 0, out: [`provision: ok (Chromium at ${sw.chromium}, PostgreSQL 15 server in ${sw.pgBin})`], err: [] });
  });

  it("needs both initdb and postgres in PG_BIN", () => {
    const sw = fakeInstall();
    const onlyInitdb = path.join(mkdtempSync(path.join(tmpdir(), "provision-pg-")), "bin");
    fakeExecutable(path.join(onlyInitdb, "initdb"));
    const r = provision({ CHROMIUM_PATH: sw.chromium, PG_BIN: onlyInitdb, PROVISION_AS_USER: "1" });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `provision: missing the PostgreSQL 15 server (${onlyInitdb}, for the integration tests): run sudo apt-get install -y postgresql-15 (or set PG_BIN to where it is), then npm test again.`,
    ]);
  });

  it("as root with apt-get, dry run: one line per package it would install, nothing run", () => {
    const apt = fakeApt();
    const r = provision({
      PATH: apt.dir,
      CHROMIUM_PATH: "/nonexistent/chromium",
      PG_BIN: "/nonexistent/pg",
      PROVISION_AS_ROOT: "1",
      PROVISION_DRY_RUN: "1",
    });
    expect(r).toEqual({
      code: 0,
      out: [
        "provision: installing Debian's chromium for the browser tests (apt-get)… (dry run: nothing installed)",
        "provision: installing Debian's postgresql-15 for the integration tests (apt-get)… (dry run: nothing installed)",
      ],
      err: [],
    });
    expect(apt.calls()).toEqual([]);
  });

  it("as root with apt-get: updates once, installs each missing package, then checks the paths again", () => {
    const apt = fakeApt();
    // The stand-in apt-get installs nothing, so the (custom) paths stay missing and are named.
    const r = provision({ PATH: apt.dir, CHROMIUM_PATH: "/nonexistent/chromium", PG_BIN: "/nonexistent/pg", PROVISION_AS_ROOT: "1" });
    expect(apt.calls()).toEqual(["update -qq", "install -y -qq chromium", "install -y -qq postgresql-15"]);
    expect(r.out).toEqual([
      "provision: installing Debian's chromium for the browser tests (apt-get)…",
      "provision: installing Debian's postgresql-15 for the integration tests (apt-get)…",
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      "provision: installed chromium postgresql-15, but CHROMIUM_PATH=/nonexistent/chromium and PG_BIN=/nonexistent/pg still have no usable binaries: unset CHROMIUM_PATH / PG_BIN to use Debian's paths, or point them at the binaries.",
    ]);
  });

  it("stops at once with one line when apt-get fails", () => {
    const apt = fakeApt({ fail: true });
    const r = provision({ PATH: apt.dir, CHROMIUM_PATH: "/nonexistent/chromium", PG_BIN: "/nonexistent/pg", PROVISION_AS_ROOT: "1" });
    expect(apt.calls()).toEqual(["update -qq"]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      "provision: apt-get update -qq failed (E: Unable to locate package chromium): run it by hand, or set CHROMIUM_PATH / PG_BIN.",
    ]);
  });

  it("not root: exits 1 at once with one line saying what to install and how, installing nothing", () => {
    const apt = fakeApt();
    const r = provision({
      PATH: apt.dir,
      CHROMIUM_PATH: "/nonexistent/chromium",
      PG_BIN: "/nonexistent/pg",
      PROVISION_AS_USER: "1",
      PROVISION_DRY_RUN: "1",
    });
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [
        "provision: missing Chromium (/nonexistent/chromium, for the browser tests) and the PostgreSQL 15 server (/nonexistent/pg, for the integration tests): run sudo apt-get install -y chromium postgresql-15 (or set CHROMIUM_PATH / PG_BIN to where they are), then npm test again.",
      ],
    });
    expect(apt.calls()).toEqual([]);
  });

  it("without apt-get, even as root: exits 1 with one line", () => {
    const sw = fakeInstall();
    const emptyPath = mkdtempSync(path.join(tmpdir(), "provision-empty-"));
    const r = provision({ PATH: emptyPath, CHROMIUM_PATH: "/nonexistent/chromium", PG_BIN: sw.pgBin, PROVISION_AS_ROOT: "1" });
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [
        "provision: missing Chromium (/nonexistent/chromium, for the browser tests), and there is no apt-get here: install it with this system's package manager, or set CHROMIUM_PATH to where it is.",
      ],
    });
  });
});
