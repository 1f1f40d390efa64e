import "server-only";
// Group commit for webhook deliveries. Every session trained today lands on today's rollup
// rows, so when each delivery wrote in its own transaction, a storm queued on those row locks
// (about 150 deliveries/s here). Now, per workspace and kind, one write runs at a time; the
// deliveries that arrive meanwhile wait for it and are then stored together, in one
// transaction. Each is still acknowledged only after the commit that stored it. At low
// traffic a batch is a single delivery and nothing waits: there is no timer.
//
// If a batch fails, its deliveries are written again one by one, so a delivery the database
// refuses cannot take the others down with it. Nothing here outlives a request: a delivery
// not yet written was not acknowledged, so several instances (or a crash) lose nothing.
import { db } from "../db/client";
import { AppError } from "../http/errors";
import type { Parsed, Refused, SenarActivity, SenarUser } from "../senar/schemas";
import { saveInvalid } from "./invalid";
import { utcText } from "./write-sql";
import { upsertActivities } from "./upsert-activities";
import { upsertUsers } from "./upsert-users";

export type Delivery = {
  subscriptionId: string;
  receivedAt: Date;
  bytes: number;
  valid: Parsed<SenarUser | SenarActivity>[];
  refused: Refused[];
  reasons: string[];
};
type Kind = "user" | "activity";
type Waiting = { delivery: Delivery; resolve: () => void; reject: (err: unknown) => void };
type Queue = { waiting: Waiting[]; running: boolean };

/** A batch stops growing at this many records (the size of one delivery's upper limit). */
const MAX_BATCH_RECORDS = 5_000;
const queues = new Map<string, Queue>();

/** Stores one delivery (its log row, its records, its refusals); resolves once committed. */
export function storeDelivery(workspaceId: string, kind: Kind, delivery: Delivery): Promise<void> {
  const key = `${workspaceId}\u0000${kind}`;
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = { waiting: [], running: false }));
  const stored = new Promise<void>((resolve, reject) => queue.waiting.push({ delivery, resolve, reject }));
  if (!queue.running) void drain(key, queue, workspaceId, kind);
  return stored;
}

async function drain(key: string, queue: Queue, workspaceId: string, kind: Kind): Promise<void> {
  queue.running = true;
  while (queue.waiting.length > 0) {
    const batch = takeBatch(queue.waiting);
    try {
      await write(workspaceId, kind, batch.map((w) => w.delivery));
      for (const w of batch) w.resolve();
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const w of batch) await write(workspaceId, kind, [w.delivery]).then(w.resolve, w.reject);
    }
  }
  // No await between the empty check and here: a delivery arriving now finds no queue and starts one.
  queues.delete(key);
}

function takeBatch(waiting: Waiting[]): Waiting[] {
  let records = 0;
  let n = 0;
  while (n < waiting.length && (n === 0 || records + waiting[n]!.delivery.valid.length <= MAX_BATCH_RECORDS)) {
    records += waiting[n]!.delivery.valid.length;
    n++;
  }
  return waiting.splice(0, n);
}

async function write(workspaceId: string, kind: Kind, deliveries: Delivery[]): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // The intake knows tokens for a few seconds; whether a hook was unsubscribed is decided
      // here. A batch with one is refused whole and then written one by one, so only that
      // delivery gets the 410.
      // (Raw SQL on this path: the query compiler would plan each batch size anew.)
      const subscriptionIds = [...new Set(deliveries.map((d) => d.subscriptionId))];
      const [revoked] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "WebhookSubscription" WHERE "id" = ANY(${subscriptionIds}::text[]) AND "revokedAt" IS NOT NULL`;
      if (revoked?.n) throw new AppError("gone", "This webhook was unsubscribed.");
      // The usual delivery (nothing refused) goes into one multi-row insert; refusals point at
      // their delivery's id, so those rows are created one at a time.
      const plain = deliveries.filter((d) => d.refused.length === 0);
      if (plain.length) {
        await tx.$executeRaw`
          INSERT INTO "WebhookDelivery" ("workspaceId", "subscriptionId", "receivedAt", "bytes", "status", "taken", "refused")
          SELECT ${workspaceId}, x.s, x.r, x.b, 200, x.t, 0
          FROM unnest(${plain.map((d) => d.subscriptionId)}::text[], ${plain.map((d) => utcText(d.receivedAt))}::timestamp(3)[],
                      ${plain.map((d) => d.bytes)}::int[], ${plain.map((d) => d.valid.length)}::int[]) AS x(s, r, b, t)`;
      }
      for (const d of deliveries.filter((x) => x.refused.length > 0)) {
        const row = await tx.webhookDelivery.create({
          data: {
            workspaceId, subscriptionId: d.subscriptionId, receivedAt: d.receivedAt, bytes: d.bytes, status: 200,
            taken: d.valid.length, refused: d.refused.length, reasons: d.reasons,
          },
          select: { id: true },
        });
        await saveInvalid(tx, workspaceId, kind, d.refused, { source: "webhook", deliveryId: row.id });
      }
      // One upsert for the batch, in arrival order (a later delivery's version of a record
      // wins), observed when its last delivery arrived: the window is one write, milliseconds.
      const records = deliveries.flatMap((d) => d.valid);
      const meta = { source: "webhook" as const, sourceAt: new Date(Math.max(...deliveries.map((d) => d.receivedAt.getTime()))) };
      if (kind === "user") await upsertUsers(tx, workspaceId, records as Parsed<SenarUser>[], meta);
      else await upsertActivities(tx, workspaceId, records as Parsed<SenarActivity>[], meta);
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
