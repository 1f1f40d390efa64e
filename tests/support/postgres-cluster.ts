// A throw-away PostgreSQL 15 cluster for tests and benchmarks: initdb in a temp folder
// (as the postgres user when running as root, since postgres refuses to run as root),
// started on a free loopback port, removed on stop.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type Cluster = {
  url: (db?: string) => string;
  port: number;
  dir: string;
  /** Stops for good and removes the cluster. */
  stop: () => void;
  restart: () => void;
  /** A clean shutdown (committed work is flushed), to be followed by start(). */
  pause: () => void;
  kill: () => void;
  start: () => void;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

function asPostgres(cmd: string, args: string[]): string[] {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? ["runuser", "-u", "postgres", "--", cmd, ...args] : [cmd, ...args];
}

function run(cmd: string, args: string[], check = true) {
  const [bin, ...rest] = asPostgres(cmd, args);
  const r = spawnSync(bin!, rest, { encoding: "utf8" });
  if (check && r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function startCluster(): Promise<Cluster> {
  if (!existsSync(path.join(BIN, "initdb"))) {
    throw new Error(`PostgreSQL server binaries not found in ${BIN}; set TEST_DATABASE_URL or PG_BIN.`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "senar-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  run(path.join(BIN, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => run(path.join(BIN, "pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
  start();
  return {
    port,
    dir,
    url: (db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    start,
    stop: () => {
      run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], false);
      rmSync(dir, { recursive: true, force: true });
    },
    restart: () => run(path.join(BIN, "pg_ctl"), ["-D", data, "-o", opts, "-m", "fast", "-w", "restart"]),
    pause: () => run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]),
    kill: () => run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]),
  };
}
