import "server-only";
// Per-URL budget for webhook deliveries. Senar signs nothing, so a leaked hook URL lets anyone
// post; this bounds how much they can write. The count lives in the database (RateLimitBucket,
// shared by every instance), but the intake must not pay a query per delivery under a storm:
// each instance reserves a share of the window (up to 50 deliveries) in one query and spends
// it locally. Shares an instance reserved and did not use are lost to the others, so the
// limit errs on the strict side (by at most one share per instance and minute).
import { hitRateLimit } from "../api/rate-limit";

const WINDOW_MS = 60_000;
const MAX_SHARE = 50;

type Slots = { window: number; left: number; exhausted: boolean; pending?: Promise<void> };
const slots = new Map<string, Slots>();

export type HookSlot = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function takeHookSlot(subscriptionId: string, limit: number): Promise<HookSlot> {
  for (;;) {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    let s = slots.get(subscriptionId);
    if (!s || s.window !== window) {
      if (slots.size >= 10_000) slots.clear();
      slots.set(subscriptionId, (s = { window, left: 0, exhausted: false }));
    }
    if (s.left > 0) {
      s.left--;
      return { ok: true };
    }
    if (s.exhausted) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window + WINDOW_MS - now) / 1000)) };
    if (!s.pending) {
      const mine = s;
      mine.pending = reserve(subscriptionId, limit, mine, new Date(now)).finally(() => (mine.pending = undefined));
    }
    await s.pending;
  }
}

async function reserve(subscriptionId: string, limit: number, s: Slots, now: Date): Promise<void> {
  const share = Math.max(1, Math.min(MAX_SHARE, Math.floor(limit / 20)));
  const d = await hitRateLimit(`hook:${subscriptionId}`, { limit, windowSeconds: WINDOW_MS / 1000, cost: share, now });
  const got = Math.max(0, Math.min(share, limit - (d.count - share)));
  s.left += got;
  if (got < share) s.exhausted = true;
}
