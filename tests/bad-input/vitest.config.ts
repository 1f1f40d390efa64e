// Vitest config of the bad-input suite (npm run test:bad-input): one file, a production server
// started by the test itself, no bail (every target runs, so the counts are complete).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..", "..");

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.resolve(root, "tests/support/empty.ts"),
    },
  },
  test: {
    root,
    include: ["tests/bad-input/**/*.test.ts"],
    env: { NODE_ENV: "test" },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
