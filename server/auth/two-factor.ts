import "server-only";
// TOTP enrolment and removal for a portal account. Enrolment stores a pending secret
// (encrypted) that only becomes active once a code from it is confirmed.
import { decrypt, encrypt } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { verifySecret } from "./password";
import { spendSecondFactor } from "./second-factor";
import { beginAttempt, finishAttempt, waitText } from "./throttle";
import { newRecoveryCodes, newTotpSecret, totpQrDataUrl, totpUri, verifyTotp } from "./totp";

export type TwoFactorState =
  | { enabled: true; since: Date; recoveryLeft: number }
  | { enabled: false; secret: string; uri: string; qrDataUrl: string };

/** The account's 2FA state; when off, a pending secret (created on first view) to enrol with. */
export async function twoFactorState(userId: string, email: string): Promise<TwoFactorState> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecretEnc: true, totpEnabledAt: true, recoveryCodes: true } });
  if (u.totpEnabledAt) return { enabled: true, since: u.totpEnabledAt, recoveryLeft: u.recoveryCodes.length };
  let secret = u.totpSecretEnc ? decrypt(u.totpSecretEnc, { userId, column: "totpSecretEnc" }) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.user.update({ where: { id: userId }, data: { totpSecretEnc: encrypt(secret, { userId, column: "totpSecretEnc" }) } });
  }
  const uri = totpUri(email, secret);
  return { enabled: false, secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}

/** Confirms enrolment with a code; returns the recovery codes (shown once) and the new session version. */
export async function confirmTwoFactor(userId: string, code: string): Promise<{ codes: string[]; sessionVersion: number }> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecretEnc: true, totpEnabledAt: true } });
  if (u.totpEnabledAt) throw new AppError("conflict", "Two-factor authentication is already on.");
  if (!u.totpSecretEnc) throw new AppError("bad_request", "Start again: reload the page to get a new QR code.");
  if (!verifyTotp(decrypt(u.totpSecretEnc, { userId, column: "totpSecretEnc" }), code)) {
    throw new AppError("invalid_input", "That code is not right. Enter the 6-digit code your app shows now (check the phone's clock if it keeps failing).");
  }
  const { codes, hashes } = await newRecoveryCodes();
  const updated = await db.user.update({
    where: { id: userId },
    data: { totpEnabledAt: new Date(), recoveryCodes: hashes, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return { codes, sessionVersion: updated.sessionVersion };
}

/**
 * Turning 2FA off needs the password AND a current code or a recovery code: a stolen password
 * with a stolen session must not be enough to remove the second factor. Wrong tries count in
 * the sign-in throttle (under a per-account key in place of the IP), so the code cannot be guessed here either.
 */
export async function disableTwoFactor(userId: string, password: string, code: string): Promise<{ sessionVersion: number }> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, passwordHash: true, totpEnabledAt: true, totpSecretEnc: true, recoveryCodes: true },
  });
  if (!u.totpEnabledAt) throw new AppError("conflict", "Two-factor authentication is already off.");
  const begun = await beginAttempt(u.email, `2fa-off:${u.id}`);
  if (!begun.ok) throw new AppError("rate_limited", `Too many wrong tries. Try again in ${waitText(begun.retryAfterSeconds)}.`);
  if (!(await verifySecret(u.passwordHash, password))) {
    await finishAttempt(begun.attempt, "failure");
    throw new AppError("invalid_input", "The password is not right.");
  }
  if (!(await spendSecondFactor(u, code))) {
    await finishAttempt(begun.attempt, "failure");
    throw new AppError("invalid_input", "The code is not right. Enter the 6-digit code your app shows now, or one of your recovery codes.");
  }
  await finishAttempt(begun.attempt, "success");
  return db.user.update({
    where: { id: userId },
    data: { totpEnabledAt: null, totpSecretEnc: null, totpLastStep: null, recoveryCodes: [], sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
}
