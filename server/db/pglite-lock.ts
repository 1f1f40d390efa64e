import "server-only";
// The lock file that makes one process the owner of a PGlite folder (PGlite itself takes none:
// two openers silently lose each other's writes). `<dir>.lock` holds JSON naming the owner and
// the socket it serves the database on; everyone else reads it and connects there instead.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { SocketAddress } from "./pglite-socket-server";

export type LockRole = "portal" | "cli";
export type LockInfo = { pid: number; role: LockRole; startedAt: string; socket: SocketAddress | null };

/** A clear, one-line refusal about the embedded database folder (the CLI exits 2 on it). */
export class EmbeddedFolderError extends Error {
  override name = "EmbeddedFolderError";
}

export const lockPath = (dir: string) => `${dir}.lock`;

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLock(dir: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(lockPath(dir), "utf8");
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === "number" && Number.isInteger(v.pid) && v.pid > 0) {
      return { pid: v.pid, role: v.role === "portal" ? "portal" : "cli", startedAt: String(v.startedAt ?? ""), socket: v.socket ?? null };
    }
  } catch {
    /* half-written by an owner that is starting right now: treated as held, owner unknown */
  }
  return { pid: 0, role: "cli", startedAt: "", socket: null };
}

/**
 * Creates the lock file if nobody holds it, taking over one whose process is gone. Returns
 * null on success, or the live holder.
 */
export function tryAcquire(dir: string, role: LockRole): LockInfo | null {
  for (let attempt = 0; attempt < 3; attempt++) {
    const info: LockInfo = { pid: process.pid, role, startedAt: new Date().toISOString(), socket: null };
    try {
      writeFileSync(lockPath(dir), JSON.stringify(info), { flag: "wx", mode: 0o600 });
      return null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new EmbeddedFolderError(`Cannot write the lock file ${lockPath(dir)}: ${(err as Error).message}`);
      }
    }
    const holder = readLock(dir);
    if (!holder) continue; // released between our two calls
    if (holder.pid === 0 || isAlive(holder.pid)) return holder;
    rmSync(lockPath(dir), { force: true }); // stale: its process crashed
  }
  return readLock(dir);
}

export function recordSocket(dir: string, role: LockRole, startedAt: string, socket: SocketAddress): void {
  const info: LockInfo = { pid: process.pid, role, startedAt, socket };
  const tmp = `${lockPath(dir)}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
  // rename is atomic: a reader sees the old or the new content, never half of it or none
  renameSync(tmp, lockPath(dir));
}

export function release(dir: string): void {
  const holder = readLock(dir);
  if (holder && holder.pid === process.pid) rmSync(lockPath(dir), { force: true });
}
