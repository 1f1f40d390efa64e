// Webhook subscriptions and deliveries, Zapier REST-hook style (the provider Senar documents):
// POST the record(s) as JSON to the hook URL; retry with exponential backoff on network errors
// and non-2xx answers (bounded attempts); a 410 Gone means "unsubscribe me" and drops the hook.
import { setTimeout as sleep } from "node:timers/promises";

export type HookMethod = "user" | "activity";
export type Hook = { id: string; hookUrl: string; method: HookMethod; provider: string };
export type Delivery = {
  hookId: string;
  status: number | "error";
  attempts: number;
  method: HookMethod;
  /** How many records the body carried (an object counts 1). */
  records: number;
  at: string;
};
export type RetryPolicy = { attempts: number; baseMs: number; timeoutMs: number };

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 250, timeoutMs: 5_000 };
const MAX_LOG = 1_000;

type Stored = Hook & { owner: string };

export class HookRegistry {
  private hooks = new Map<string, Stored>();
  private nextId = 1001;
  private log: Delivery[] = [];
  private closing = new AbortController();
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  register(owner: string, hook: Omit<Hook, "id">): Hook {
    const id = String(this.nextId++);
    this.hooks.set(id, { ...hook, id, owner });
    return { ...hook, id };
  }

  /** Removes the hook if `owner` has it; false when there is no such hook for that owner. */
  remove(owner: string, id: string): boolean {
    const h = this.hooks.get(id);
    if (!h || h.owner !== owner) return false;
    return this.hooks.delete(id);
  }

  list(owner?: string): Hook[] {
    return [...this.hooks.values()]
      .filter((h) => owner === undefined || h.owner === owner)
      .map(({ id, hookUrl, method, provider }) => ({ id, hookUrl, method, provider }));
  }

  deliveries(): Delivery[] {
    return [...this.log];
  }

  /** Posts `body` to every hook `owner` registered for `method`; resolves once every delivery is settled. */
  async deliver(owner: string, method: HookMethod, body: unknown): Promise<void> {
    const targets = [...this.hooks.values()].filter((h) => h.owner === owner && h.method === method);
    const records = Array.isArray(body) ? body.length : 1;
    const json = JSON.stringify(body);
    await Promise.all(targets.map((h) => this.track(this.deliverOne(h, method, json, records))));
  }

  /** Stops retrying and waits for in-flight deliveries to give up. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p);
    return p.finally(() => this.inFlight.delete(p));
  }

  private async deliverOne(h: Stored, method: HookMethod, json: string, records: number): Promise<void> {
    let status: number | "error" = "error";
    let attempt = 0;
    while (attempt < this.retry.attempts && !this.closing.signal.aborted) {
      attempt++;
      try {
        const res = await fetch(h.hookUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "Senar-Simulator-Webhooks/1.0" },
          body: json,
          signal: AbortSignal.any([AbortSignal.timeout(this.retry.timeoutMs), this.closing.signal]),
        });
        status = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (res.ok) break;
        if (status === 410) {
          this.hooks.delete(h.id); // Zapier convention: the receiver asked to be unsubscribed
          break;
        }
      } catch {
        status = "error";
      }
      if (attempt < this.retry.attempts) {
        try {
          await sleep(this.retry.baseMs * 2 ** (attempt - 1), undefined, { signal: this.closing.signal });
        } catch {
          break; // closing
        }
      }
    }
    this.log.push({ hookId: h.id, status, attempts: attempt, method, records, at: new Date().toISOString() });
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}
