// The Vitest config of a suite that starts its own production server (bad input, faults): one
// file at a time, long timeouts, the app's "@" alias, and `server-only` as an empty module.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..", "..");

export function serverSuiteConfig(folder: string) {
  return defineConfig({
    resolve: {
      alias: {
        "@": root,
        "server-only": path.resolve(root, "tests/support/empty.ts"),
      },
    },
    test: {
      root,
      include: [`tests/${folder}/**/*.test.ts`],
      env: { NODE_ENV: "test" },
      testTimeout: 300_000,
      hookTimeout: 300_000,
      fileParallelism: false,
    },
  });
}
