import "server-only";
// The credentials check behind next-auth's authorize(): throttle → password → second factor.
// Every refusal of a password or code counts as a failure; "a code is needed" does not. The
// attempt is written before anything is verified, so parallel guesses share one count.
import { db } from "../db/client";
import { dummyHash, verifySecret } from "./password";
import { beginAttempt, finishAttempt } from "./throttle";
import { spendSecondFactor } from "./second-factor";

export type SignInInput = { email: string; password: string; otp?: string; ip: string };
export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null; sessionVersion: number } }
  | { ok: false; code: "invalid" | "otp_required" | "otp_invalid" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function attemptSignIn(input: SignInInput): Promise<SignInResult> {
  const email = normaliseEmail(input.email).slice(0, 320);
  const ip = input.ip.slice(0, 100);
  const begun = await beginAttempt(email, ip);
  if (!begun.ok) return { ok: false, code: "throttled", retryAfterSeconds: begun.retryAfterSeconds };
  const { attempt } = begun;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true, totpSecretEnc: true, totpEnabledAt: true, recoveryCodes: true },
  });
  const passwordOk = await verifySecret(user?.passwordHash ?? (await dummyHash()), input.password.slice(0, 200));
  if (!user || !passwordOk) {
    await finishAttempt(attempt, "failure");
    return { ok: false, code: "invalid" };
  }
  if (user.totpEnabledAt && user.totpSecretEnc) {
    const otp = input.otp?.trim() ?? "";
    if (!otp) {
      await finishAttempt(attempt, "uncounted");
      return { ok: false, code: "otp_required" };
    }
    const secondOk = await spendSecondFactor(user, otp);
    if (!secondOk) {
      await finishAttempt(attempt, "failure");
      return { ok: false, code: "otp_invalid" };
    }
  }
  await finishAttempt(attempt, "success");
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
