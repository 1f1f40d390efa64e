// npm run demo: a working portal on the embedded database at http://localhost:3000.
// Builds once (again only when the sources are newer than the build), then serves it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const PORT = Number(process.env.PORT ?? 3000);

function newestSource(): number {
  const r = spawnSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" });
  return Number(r.stdout.trim() || 0) * 1000;
}

const buildId = ".next/BUILD_ID";
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource() || process.argv.includes("--build")) {
  console.log("Building the portal (once)…");
  const b = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
  stdio: "inherit",
  env: { ...process.env, APP_URL: process.env.APP_URL ?? `http://localhost:${PORT}` },
});
console.log(`\nSenar Portal: http://localhost:${PORT}   (Ctrl+C to stop)\n`);
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));
