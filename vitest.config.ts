import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

const integration = (kind: "postgres" | "pglite") => ({
  resolve: { alias },
  test: {
    name: `integration:${kind}`,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    env: { TEST_DB_KIND: kind, NODE_ENV: "test" as const },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    bail: 1,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "senar-sim/**/*.test.ts"], env: { NODE_ENV: "test" as const } },
      },
      integration("postgres"),
      integration("pglite"),
    ],
  },
});
