import "server-only";
// The credentials check behind next-auth's authorize(): throttle → password → second factor.
// Every refusal of a password or code counts as a failure; "a code is needed" does not.
import { db } from "../db/client";
import { decrypt } from "../crypto";
import { dummyHash, verifySecret } from "./password";
import { checkThrottle, recordAttempt } from "./throttle";
import { looksLikeRecoveryCode, matchRecoveryCode, totpStep } from "./totp";

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
  const throttle = await checkThrottle(email, ip);
  if (!throttle.allowed) return { ok: false, code: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true, totpSecretEnc: true, totpEnabledAt: true, recoveryCodes: true },
  });
  const passwordOk = await verifySecret(user?.passwordHash ?? (await dummyHash()), input.password.slice(0, 200));
  if (!user || !passwordOk) {
    await recordAttempt(email, ip, false);
    return { ok: false, code: "invalid" };
  }
  if (user.totpEnabledAt && user.totpSecretEnc) {
    const otp = input.otp?.trim() ?? "";
    if (!otp) return { ok: false, code: "otp_required" };
    const step = totpStep(decrypt(user.totpSecretEnc, { userId: user.id, column: "totpSecretEnc" }), otp);
    // Spend the step: a code already used (here or by a parallel sign-in) is refused.
    let secondOk =
      step !== null &&
      (await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } }))
        .count === 1;
    if (!secondOk && looksLikeRecoveryCode(otp)) {
      const i = await matchRecoveryCode(user.recoveryCodes, otp);
      if (i >= 0) {
        // Spend the code; the guarded update fails if a parallel sign-in spent it first.
        const remaining = user.recoveryCodes.filter((_, j) => j !== i);
        const spent = await db.user.updateMany({
          where: { id: user.id, recoveryCodes: { equals: user.recoveryCodes } },
          data: { recoveryCodes: remaining },
        });
        secondOk = spent.count === 1;
      }
    }
    if (!secondOk) {
      await recordAttempt(email, ip, false);
      return { ok: false, code: "otp_invalid" };
    }
  }
  await recordAttempt(email, ip, true);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
