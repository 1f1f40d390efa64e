// Used only by `prisma generate` (scripts/prisma-generate.mjs). The app and the migration
// scripts connect through driver adapters (server/db), so no datasource URL is needed here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
