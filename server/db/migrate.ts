import "server-only";
// Applies prisma/migrations/*/migration.sql exactly as `prisma migrate deploy` would, through
// Prisma's schema engine compiled to WebAssembly and our driver adapter. The native engine
// download is blocked on these machines; this path needs nothing outside npm.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { AdapterFactory } from "./adapter";
import { withStatementScripts } from "./sql-script";

const root = process.cwd();
export const migrationsDir = path.join(root, "prisma", "migrations");
export const schemaPath = path.join(root, "prisma", "schema.prisma");

type EngineModule = typeof EngineBindings & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let enginePromise: Promise<typeof SchemaEngine> | undefined;

// The package's main entry imports a .wasm file as a module, which Node refuses; load the
// bindings and instantiate the WebAssembly ourselves.
function loadEngineClass(): Promise<typeof SchemaEngine> {
  enginePromise ??= (async () => {
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule;
    const bgJs = createRequire(path.join(root, "package.json")).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasm = await WebAssembly.compile(await readFile(path.join(path.dirname(bgJs), "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(wasm, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return enginePromise;
}

export async function openEngine(factory: AdapterFactory, datamodel?: string): Promise<SchemaEngine> {
  const Engine = await loadEngineClass();
  const schema = datamodel ?? (await readFile(schemaPath, "utf8"));
  return Engine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(withStatementScripts(factory)),
  );
}

export async function migrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function migrationsList() {
  const names = await migrationNames();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies pending migrations; returns the names applied now (empty when up to date). */
export async function applyMigrations(factory: AdapterFactory): Promise<string[]> {
  const engine = await openEngine(factory);
  try {
    const out = await engine.applyMigrations({ migrationsList: await migrationsList(), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that takes a database migrated to `migrations` to the current schema.prisma. */
export async function diffToSchema(factory: AdapterFactory): Promise<string> {
  const engine = await openEngine(factory);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await migrationsList()) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
