import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

// The simulator listens on 127.0.0.1, which the outgoing guard (server/net/outbound.ts) refuses
// unless listed; the production default (studio.senar.io) stays listed too.
const outbound = { SENAR_ALLOWED_HOSTS: "studio.senar.io,127.0.0.1", OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" };

const integration = (kind: "postgres" | "pglite") => ({
  resolve: { alias },
  test: {
    name: `integration:${kind}`,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    env: { TEST_DB_KIND: kind, NODE_ENV: "test" as const, ...outbound },
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
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "senar-sim/**/*.test.ts"], env: { NODE_ENV: "test" as const, ...outbound } },
      },
      integration("postgres"),
      integration("pglite"),
    ],
  },
});
