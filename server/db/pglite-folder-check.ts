import "server-only";
// Refuses a DATA_DIR the embedded database cannot use, before anything is created in it: a
// file, a folder we may not write, or a PGlite folder from another PostgreSQL major version
// (opening that aborts deep inside the WebAssembly with no useful message).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EmbeddedFolderError } from "./pglite-lock";

/** The PostgreSQL major version inside the bundled PGlite (a unit test keeps it honest). */
export const PGLITE_PG_MAJOR = "17";

function firstExisting(p: string): string {
  let cur = path.resolve(p);
  while (!existsSync(cur) && path.dirname(cur) !== cur) cur = path.dirname(cur);
  return cur;
}

/** Throws EmbeddedFolderError with one line saying what is wrong and what to do. */
export function checkPgliteFolder(dir: string): void {
  const dataDir = path.dirname(path.resolve(dir));
  const existing = firstExisting(dir);
  if (!statSync(existing).isDirectory()) {
    throw new EmbeddedFolderError(`DATA_DIR cannot be used: ${existing} is a file, not a folder. Set DATA_DIR to a folder.`);
  }
  const version = path.join(dir, "PG_VERSION");
  if (existsSync(version)) {
    const found = readFileSync(version, "utf8").trim();
    if (found !== PGLITE_PG_MAJOR) {
      throw new EmbeddedFolderError(
        `The embedded database in ${dir} was made by PostgreSQL ${found}, but this portal bundles PostgreSQL ${PGLITE_PG_MAJOR}: use the portal version that made it, or move the folder away.`,
      );
    }
  }
  // A real write, not access(): root passes every permission check yet cannot write a
  // read-only mount.
  const probe = path.join(existing, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch {
    throw new EmbeddedFolderError(`DATA_DIR cannot be used: ${existing} is not writable by this user. Fix its permissions or set DATA_DIR to another folder.`);
  }
  mkdirSync(dataDir, { recursive: true });
}
