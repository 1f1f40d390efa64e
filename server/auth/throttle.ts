import "server-only";
// Sign-in throttling with the counters in the database (LoginAttempt), so every instance sees
// the same numbers. Three limits, so that guessing is slow but a stranger cannot lock the owner
// of an email out:
// - one email from one IP: 5 failures in 15 minutes lock that pair until the oldest leaves the window;
// - one IP across emails (password spraying): 20 failures in 15 minutes;
// - one email across all IPs: after 10 failures in an hour, each further attempt waits a delay
//   that doubles per failure (15 s, 30 s, … up to 15 minutes) after the latest one. An IP that
//   signed in to this email successfully in the last 30 days is exempt, so the owner's usual
//   network is never slowed by someone else's guesses.
// The attempt is written BEFORE the password or code is checked, under a per-email and per-IP
// lock, so parallel guesses cannot all pass the check (see beginAttempt).
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

type Reader = Pick<Prisma.TransactionClient, "loginAttempt">;

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const IP_MAX_FAILURES = 20;
export const EMAIL_FREE_FAILURES = 10;
export const EMAIL_WINDOW_MS = 60 * 60_000;
const EMAIL_BASE_DELAY_MS = 15_000;
const EMAIL_MAX_DELAY_MS = 15 * 60_000;
const KNOWN_IP_MS = 30 * 24 * 3600_000;

export type ThrottleState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Failure = { id: bigint; createdAt: Date };

async function failures(client: Reader, where: { email: string; ip?: string } | { ip: string }, since: Date, take: number): Promise<Failure[]> {
  return client.loginAttempt.findMany({
    where: { ...where, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true },
  });
}

/** When the n-th most recent failure leaves the window (0 when fewer than `max` are counted). */
function windowUnlock(list: Failure[], max: number, windowMs: number): number {
  const oldestCounted = list[max - 1];
  return list.length >= max && oldestCounted ? oldestCounted.createdAt.getTime() + windowMs : 0;
}

/** The delay one email's failures across all IPs impose after the latest of them. */
export function emailDelayMs(failureCount: number): number {
  if (failureCount < EMAIL_FREE_FAILURES) return 0;
  return Math.min(EMAIL_MAX_DELAY_MS, EMAIL_BASE_DELAY_MS * 2 ** (failureCount - EMAIL_FREE_FAILURES));
}

/** The throttle for one email from one IP. */
export async function checkThrottle(email: string, ip: string, now = new Date(), client: Reader = db): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const emailWindowStart = new Date(now.getTime() - EMAIL_WINDOW_MS);
  // A successful sign-in for the email clears its counts (not the IP's).
  const lastOk = await client.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: emailWindowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = (start: Date) => (lastOk && lastOk.createdAt > start ? lastOk.createdAt : start);
  const byPair = await failures(client, { email, ip }, since(windowStart), MAX_FAILURES);
  const byIp = await failures(client, { ip }, windowStart, IP_MAX_FAILURES);
  const byEmail = await failures(client, { email }, since(emailWindowStart), 1000);
  const knownIp = await client.loginAttempt.findFirst({
    where: { email, ip, success: true, createdAt: { gt: new Date(now.getTime() - KNOWN_IP_MS) } },
    select: { id: true },
  });
  let unlockAt = Math.max(windowUnlock(byPair, MAX_FAILURES, WINDOW_MS), windowUnlock(byIp, IP_MAX_FAILURES, WINDOW_MS));
  const latest = byEmail[0];
  if (!knownIp && latest) unlockAt = Math.max(unlockAt, latest.createdAt.getTime() + emailDelayMs(byEmail.length));
  if (unlockAt > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((unlockAt - now.getTime()) / 1000) };
  return { allowed: true };
}

export async function recordAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
}

export type PendingAttempt = { id: bigint };

/**
 * Checks the limits and writes the attempt as a failure in one transaction that holds an
 * advisory lock on the email and on the IP, before anything is verified. Parallel guesses queue
 * on the lock and each sees the ones before it, so at most MAX_FAILURES get to verify. The lock
 * is held for a few queries, never during the argon2 check. Refused attempts are not written,
 * so hammering a locked pair does not extend its lock.
 */
export async function beginAttempt(email: string, ip: string): Promise<{ ok: true; attempt: PendingAttempt } | { ok: false; retryAfterSeconds: number }> {
  return db.$transaction(async (tx) => {
    // Always email first, then IP (two lock namespaces): no two attempts wait on each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(1, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(2, hashtext(${ip}))`;
    const state = await checkThrottle(email, ip, new Date(), tx);
    if (!state.allowed) return { ok: false as const, retryAfterSeconds: state.retryAfterSeconds };
    const row = await tx.loginAttempt.create({ data: { email, ip, success: false }, select: { id: true } });
    return { ok: true as const, attempt: row };
  });
}

/** "failure" keeps the row as written; "success" marks it; "uncounted" (a code is needed) removes it. */
export async function finishAttempt(attempt: PendingAttempt, outcome: "success" | "failure" | "uncounted"): Promise<void> {
  if (outcome === "success") await db.loginAttempt.update({ where: { id: attempt.id }, data: { success: true } });
  if (outcome === "uncounted") await db.loginAttempt.deleteMany({ where: { id: attempt.id } });
}

/** "3 minutes", "45 seconds": the wait shown to people. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}
