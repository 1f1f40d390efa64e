import "server-only";
// One sync run per workspace, across processes and instances, held in the database:
// - claiming (create or take over a run) happens under a transaction-scoped advisory lock on
//   the workspace, so two callers never both create a run;
// - the run is then held by a lease: its `heartbeatAt`. Every write of the holder is a
//   compare-and-set on the exact heartbeat it last wrote, in the same transaction as the data,
//   so a holder that lost the lease (it stalled and was taken over) can no longer write.
// A run whose heartbeat is older than STALE_MS is free to take over (its process died); a run
// paused on its time budget releases the lease (heartbeat at the epoch) for the next call.
import { db } from "../db/client";
import type { Prisma, SyncRun } from "../db/generated/client";

export const STALE_MS = 60_000;
export const HEARTBEAT_MS = 10_000;
const RELEASED = new Date(0);

export class LeaseLost extends Error {
  override name = "LeaseLost";
}

export type Claim = { run: SyncRun; resumed: boolean } | { busy: SyncRun };

/** Ensures there is one RUNNING run for the workspace and that we hold it (or says who does). */
export async function claimRun(
  workspaceId: string,
  trigger: string,
  expected: number | null,
  staleMs = STALE_MS,
): Promise<Claim> {
  // Everything inside uses `tx` only: PGlite has one connection, so `db` here would wait forever.
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('sync'), hashtext(${workspaceId}))::text`;
    const now = new Date();
    const running = await tx.syncRun.findFirst({ where: { workspaceId, status: "RUNNING" }, orderBy: { startedAt: "asc" } });
    if (running) {
      if (running.heartbeatAt.getTime() > now.getTime() - staleMs) return { busy: running };
      const run = await tx.syncRun.update({ where: { id: running.id }, data: { heartbeatAt: now } });
      return { run, resumed: true };
    }
    const run = await tx.syncRun.create({
      data: { workspaceId, trigger, expected, fetchedAt: now, startedAt: now, heartbeatAt: now },
    });
    return { run, resumed: false };
  });
}

/**
 * The holder's handle on its run: `write` runs `fn` in a transaction that first moves the
 * lease forward (or throws LeaseLost); calls are serialized so the heartbeat timer and batch
 * writes never race each other.
 */
export class Lease {
  #at: Date;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: ReturnType<typeof setInterval> | undefined;
  lost = false;

  constructor(readonly runId: string, heartbeatAt: Date) {
    this.#at = heartbeatAt;
  }

  write<T>(data: Prisma.SyncRunUpdateManyMutationInput, fn?: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | undefined> {
    const next = this.#queue.then(() => this.#write(data, fn));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #write<T>(data: Prisma.SyncRunUpdateManyMutationInput, fn?: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | undefined> {
    if (this.lost) throw new LeaseLost("This sync run was taken over by another process.");
    const at = new Date(Math.max(Date.now(), this.#at.getTime() + 1));
    const release = data.status !== undefined && data.status !== "RUNNING";
    const result = await db.$transaction(
      async (tx) => {
        const moved = await tx.syncRun.updateMany({
          where: { id: this.runId, status: "RUNNING", heartbeatAt: this.#at },
          data: { ...data, heartbeatAt: release ? at : (data.heartbeatAt ?? at) },
        });
        if (moved.count !== 1) {
          this.lost = true;
          throw new LeaseLost("This sync run was taken over by another process.");
        }
        return fn ? fn(tx) : undefined;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    this.#at = (data.heartbeatAt as Date | undefined) ?? at;
    return result;
  }

  startHeartbeat(): void {
    this.#timer = setInterval(() => {
      this.write({}).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.#timer.unref?.();
  }

  stopHeartbeat(): void {
    if (this.#timer) clearInterval(this.#timer);
  }

  /** No more writes through this handle. */
  close(): void {
    this.lost = true;
  }

  /**
   * Pauses the run (still RUNNING) so the next call can resume it at once, and closes this
   * handle: a heartbeat queued behind the release must not make the run look held again.
   */
  async release(data: Prisma.SyncRunUpdateManyMutationInput = {}): Promise<void> {
    try {
      await this.write({ ...data, heartbeatAt: RELEASED });
    } finally {
      this.close();
    }
  }
}
