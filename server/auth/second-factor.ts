import "server-only";
// Checks and spends a second factor: a TOTP code (its 30-second step is recorded, so it works
// once) or a recovery code (removed once used). Shared by sign-in and by turning 2FA off.
import { decrypt } from "../crypto";
import { db } from "../db/client";
import { looksLikeRecoveryCode, matchRecoveryCode, totpStep } from "./totp";

export type SecondFactorUser = { id: string; totpSecretEnc: string | null; recoveryCodes: string[] };

export async function spendSecondFactor(user: SecondFactorUser, code: string): Promise<boolean> {
  const otp = code.trim();
  if (!otp || !user.totpSecretEnc) return false;
  const step = totpStep(decrypt(user.totpSecretEnc, { userId: user.id, column: "totpSecretEnc" }), otp);
  // Spend the step: a code already used (here or by a parallel request) is refused.
  if (
    step !== null &&
    (await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } }))
      .count === 1
  ) {
    return true;
  }
  if (!looksLikeRecoveryCode(otp)) return false;
  const i = await matchRecoveryCode(user.recoveryCodes, otp);
  if (i < 0) return false;
  // Spend the code; the guarded update fails if a parallel request spent it first.
  const spent = await db.user.updateMany({
    where: { id: user.id, recoveryCodes: { equals: user.recoveryCodes } },
    data: { recoveryCodes: user.recoveryCodes.filter((_, j) => j !== i) },
  });
  return spent.count === 1;
}
