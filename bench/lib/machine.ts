// The machine a benchmark ran on: cores, memory, Node, PostgreSQL, load (for docs/BENCHMARKS.md).
import { spawnSync } from "node:child_process";
import os from "node:os";

export type Machine = { cores: number; cpu: string; memoryGb: number; node: string; postgres: string; os: string; load: string };

export function postgresVersion(): string {
  const bin = `${process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin"}/postgres`;
  const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().replace(/^postgres \(PostgreSQL\) /, "PostgreSQL ") : "not found";
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: postgresVersion(),
    os: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
}
