// Runs `prisma generate` on machines where Prisma's schema-engine download is blocked.
// Generation never uses that engine, but the CLI checks that the file exists before any
// command; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file satisfies the check.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
