// Runs before each integration test file: points the app's env at a fresh database of the
// engine this Vitest project tests (TEST_DB_KIND), before any app module reads env.
import { afterAll } from "vitest";
import { freshDatabase, type TestDbKind } from "./test-db";

const kind = (process.env.TEST_DB_KIND ?? "postgres") as TestDbKind;
Object.assign(process.env, await freshDatabase(kind));

afterAll(async () => {
  const { disconnectDb } = await import("@/server/db/client");
  await disconnectDb();
});
