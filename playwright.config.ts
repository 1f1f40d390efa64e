// End-to-end tests against a production build (`next build` runs first in `npm run test:e2e`),
// on Debian's Chromium: Playwright's own browser download cannot work on these machines.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 3199);
// Workers load this file again; only the main process starts the servers, so a fresh folder
// per load is fine.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "senar-e2e-"));

export const e2e = { baseURL: `http://127.0.0.1:${PORT}`, simURL: `http://127.0.0.1:${SIM_PORT}` };

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: e2e.baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // Run specs one at a time across sessions: `flock /tmp/e2e.lock npm run test:e2e -- <spec>`.
  webServer: [
    {
      command: `node_modules/.bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `${e2e.baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        APP_URL: e2e.baseURL,
        SCHEDULER: "off",
        E2E_SIM_URL: e2e.simURL,
        // The simulator listens on 127.0.0.1, which the outgoing guard refuses unless listed.
        SENAR_ALLOWED_HOSTS: "studio.senar.io,127.0.0.1",
        OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
        // The server runs in New York while the reports spec sets the workspace to Auckland:
        // day boundaries must follow the workspace's time zone, never the server's.
        TZ: "America/New_York",
      },
    },
    {
      // The Senar simulator: two accounts (two organisations), small deterministic datasets.
      command:
        `node --conditions=react-server --import tsx senar-sim/main.ts --port ${SIM_PORT} --seed 42 --users 40 --trainees 150 ` +
        `--activities 3000 --quiet --account demo@senar.test:demo-pass1:42:ACME --account globex@senar.test:globex-pass1:7:Globex`,
      url: `${e2e.simURL}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
