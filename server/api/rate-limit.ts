import "server-only";
// Fixed-window rate limiter whose counters live in the database (RateLimitBucket), so every
// instance shares them. One upsert per request: INSERT … ON CONFLICT increments atomically.
import { db, type Db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";

export type RateDecision = { allowed: boolean; count: number; limit: number; resetAt: Date; retryAfterSeconds: number };

export async function hitRateLimit(
  key: string,
  opts: { limit: number; windowSeconds: number; now?: Date; cost?: number },
  client: Db = db,
): Promise<RateDecision> {
  const now = opts.now ?? new Date();
  const windowMs = opts.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  // Several units at once (webhook-rate-limit.ts reserves a share of the window per query).
  const cost = opts.cost ?? 1;
  const rows = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, ${cost}::int)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + ${cost}::int
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? cost);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  // Old windows are dead weight; sweep now and then rather than on every request.
  if (count === cost && Math.random() < 0.05) {
    await client.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3_600_000) } } });
  }
  return {
    allowed: count <= opts.limit,
    count,
    limit: opts.limit,
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

export const API_RATE_LIMIT = { limit: 600, windowSeconds: 60 } as const;

/** Throws 429 with Retry-After when the caller is over its budget. */
export async function enforceRateLimit(key: string, opts: { limit: number; windowSeconds: number } = API_RATE_LIMIT): Promise<RateDecision> {
  const d = await hitRateLimit(key, opts);
  if (!d.allowed) {
    throw new AppError("rate_limited", `Rate limit of ${d.limit} requests per ${opts.windowSeconds} s reached; retry in ${d.retryAfterSeconds} s.`, {
      retryAfterSeconds: d.retryAfterSeconds,
    });
  }
  return d;
}
