// npm run test:e2e: a production build, then Playwright against `next start` (see playwright.config.ts).
import { spawnSync } from "node:child_process";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run("node_modules/.bin/next", ["build"]);
run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)]);
