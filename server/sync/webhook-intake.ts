import "server-only";
// POST /api/webhooks/senar/<token>: Senar's deliveries (Zapier REST-hook style). The token is
// the only secret (Senar does not sign), checked before anything is parsed; each URL has a
// per-minute budget (hook-rate-limit.ts), and over it the answer is 429 with nothing written.
// Records go through the same upserts as a sync, batched under load (delivery-batch.ts), and
// stay provisional until a full sync confirms or replaces them. Bad input gets a 4xx and
// stores no record; a database failure answers 503 so Senar retries (a delivery is
// acknowledged only once it is stored).
import { db } from "../db/client";
import { AppError, errorResponse } from "../http/errors";
import { readBodyLimited } from "../http/route";
import { log } from "../log";
import { parseRecord, type Parsed, type Refused, type SenarActivity, type SenarUser } from "../senar/schemas";
import { hashHookToken, sameHash, TOKEN_PATTERN } from "./hook-token";
import { storeDelivery } from "./delivery-batch";
import { takeHookSlot } from "./hook-rate-limit";
import { queueSync, SIGNAL_GAP_MS } from "./queue";
import { env } from "../env";

export const MAX_WEBHOOK_BYTES = 1_000_000;
const MAX_DEPTH = 32;
const MAX_RECORDS = 5_000;

type Subscription = { id: string; workspaceId: string; method: string };

/** Nesting depth of a parsed JSON value, without recursion (the input is untrusted). */
export function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** The records a body carries: a record, an array of them, or `{ data: [...] }`; null when none. */
export function recordsOf(body: unknown): unknown[] | null {
  const items = Array.isArray(body)
    ? body
    : body && typeof body === "object" && Array.isArray((body as { data?: unknown }).data)
      ? ((body as { data: unknown[] }).data)
      : [body];
  const looksLikeRecord = (x: unknown) => x !== null && typeof x === "object" && !Array.isArray(x) && "id" in x;
  return items.some(looksLikeRecord) ? items : null;
}

// Known tokens, briefly: under a storm the lookup was a query per delivery. Only valid tokens
// are kept (an attacker's guesses are not), and a revocation still takes effect at once: the
// write re-checks it (delivery-batch.ts). Each instance holds its own copy.
const KNOWN_FOR_MS = 10_000;
const known = new Map<string, { sub: Subscription; until: number }>();

async function findSubscription(token: string): Promise<Subscription> {
  if (!TOKEN_PATTERN.test(token)) throw new AppError("not_found", "Unknown webhook.");
  const hash = hashHookToken(token);
  const hit = known.get(hash);
  if (hit && hit.until > Date.now()) return hit.sub;
  const sub = await db.webhookSubscription.findUnique({
    where: { tokenHash: hash },
    select: { id: true, workspaceId: true, method: true, tokenHash: true, revokedAt: true },
  });
  if (!sub || !sameHash(sub.tokenHash, hash)) throw new AppError("not_found", "Unknown webhook.");
  if (sub.revokedAt) throw new AppError("gone", "This webhook was unsubscribed.");
  if (known.size >= 10_000) known.clear();
  known.set(hash, { sub: { id: sub.id, workspaceId: sub.workspaceId, method: sub.method }, until: Date.now() + KNOWN_FOR_MS });
  return sub;
}

type Logged = { bytes: number; status: number; taken?: number; refused?: number; note?: string; reasons?: string[] };

async function logRefusal(sub: Subscription, l: Logged): Promise<void> {
  // Best effort: a failure to log a refusal must not change the answer.
  await db.webhookDelivery
    .create({ data: { workspaceId: sub.workspaceId, subscriptionId: sub.id, bytes: l.bytes, status: l.status, note: l.note ?? null } })
    .catch((err: unknown) => log.warn("could not log a refused webhook delivery", { err }));
}

async function readPayload(req: Request): Promise<{ body: unknown; bytes: number }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send JSON with Content-Type: application/json.");
  }
  const text = await readBodyLimited(req, MAX_WEBHOOK_BYTES);
  const bytes = Buffer.byteLength(text);
  if (text.trim() === "") throw Object.assign(new AppError("bad_request", "The body is empty; JSON was expected."), { bytes });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw Object.assign(new AppError("bad_request", "The body is not valid JSON."), { bytes });
  }
  if (jsonDepth(body, MAX_DEPTH) > MAX_DEPTH) {
    throw Object.assign(new AppError("bad_request", `The JSON is nested more than ${MAX_DEPTH} levels deep.`), { bytes });
  }
  return { body, bytes };
}

export async function intakeWebhook(token: string, req: Request): Promise<Response> {
  const receivedAt = new Date();
  let sub: Subscription;
  try {
    sub = await findSubscription(token);
  } catch (err) {
    if (err instanceof AppError) return errorResponse(err);
    log.error("webhook lookup failed", { err });
    return errorResponse(new AppError("database_unavailable", "Try again shortly."));
  }

  try {
    const slot = await takeHookSlot(sub.id, env().WEBHOOK_RATE_LIMIT);
    if (!slot.ok) {
      // Not logged: a flood must not fill the delivery log either.
      return errorResponse(
        new AppError("rate_limited", `At most ${env().WEBHOOK_RATE_LIMIT} deliveries per minute on this webhook; retry in ${slot.retryAfterSeconds} s.`, {
          retryAfterSeconds: slot.retryAfterSeconds,
        }),
      );
    }
  } catch (err) {
    log.error("webhook rate limit could not be checked", { err });
    return errorResponse(new AppError("database_unavailable", "Try again shortly."));
  }

  let payload: { body: unknown; bytes: number };
  try {
    payload = await readPayload(req);
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError("bad_request", "The body could not be read.");
    await logRefusal(sub, { bytes: (err as { bytes?: number }).bytes ?? 0, status: e.status, note: e.message });
    return errorResponse(e);
  }

  const items = recordsOf(payload.body);
  if (items && items.length > MAX_RECORDS) {
    const e = new AppError("payload_too_large", `At most ${MAX_RECORDS} records per delivery.`);
    await logRefusal(sub, { bytes: payload.bytes, status: e.status, note: e.message });
    return errorResponse(e);
  }
  const kind = sub.method === "user" ? "user" : "activity";
  try {
    if (!items) {
      // Valid JSON but no records: still "something changed" at Senar, honoured once per gap.
      const queued = await queueSync(sub.workspaceId, "webhook", { notWithinMs: SIGNAL_GAP_MS });
      const note = `No records found; ${queued ? "a sync was scheduled" : "a sync is running or was scheduled recently"}.`;
      await db.webhookDelivery.create({
        data: { workspaceId: sub.workspaceId, subscriptionId: sub.id, receivedAt, bytes: payload.bytes, status: 202, note },
      });
      return Response.json({ accepted: true, taken: 0, refused: 0, queued, note }, { status: 202 });
    }
    const valid: Parsed<SenarUser | SenarActivity>[] = [];
    const refused: Refused[] = [];
    for (const raw of items) {
      const r = parseRecord(kind, raw);
      if (r.ok) valid.push(r.value);
      else refused.push(r.refused);
    }
    const reasons = [...new Set(refused.map((r) => r.reason))].slice(0, 20);
    await storeDelivery(sub.workspaceId, kind, { subscriptionId: sub.id, receivedAt, bytes: payload.bytes, valid, refused, reasons });
    return Response.json({ taken: valid.length, refused: refused.length, reasons });
  } catch (err) {
    if (err instanceof AppError) return errorResponse(err); // e.g. unsubscribed while it waited
    // Whatever else failed here failed in storage: never acknowledge, let Senar retry.
    log.error("webhook delivery not stored", { err, workspaceId: sub.workspaceId });
    return errorResponse(new AppError("database_unavailable", "The delivery could not be stored; try again."));
  }
}
