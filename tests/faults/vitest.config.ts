// Vitest config of the fault suite (npm run test:faults): a production server, PostgreSQL and the
// simulator started and broken by the tests themselves, one file at a time.
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
    include: ["tests/faults/**/*.test.ts"],
    env: { NODE_ENV: "test" },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
