import "server-only";
// Sign-in throttling with the counters in the database (LoginAttempt), so every instance sees
// the same numbers: 5 failures for one email, or from one IP, within 15 minutes lock further
// attempts until the oldest of those failures leaves the window.
import { db } from "../db/client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export type ThrottleState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function failuresSince(where: { email: string } | { ip: string }, since: Date) {
  return db.loginAttempt.findMany({
    where: { ...where, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
}

export async function checkThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  // A successful sign-in for the email clears its count (not the IP's).
  const lastOk = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const byEmail = await failuresSince({ email }, lastOk?.createdAt ?? windowStart);
  const byIp = await failuresSince({ ip }, windowStart);
  let unlockAt = 0;
  for (const list of [byEmail, byIp]) {
    const oldestCounted = list[MAX_FAILURES - 1];
    if (list.length >= MAX_FAILURES && oldestCounted) {
      unlockAt = Math.max(unlockAt, oldestCounted.createdAt.getTime() + WINDOW_MS);
    }
  }
  if (unlockAt > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((unlockAt - now.getTime()) / 1000) };
  return { allowed: true };
}

export async function recordAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
}

/** "3 minutes", "45 seconds": the wait shown to people. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}
