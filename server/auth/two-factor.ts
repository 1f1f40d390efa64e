import "server-only";
// TOTP enrolment and removal for a portal account. Enrolment stores a pending secret
// (encrypted) that only becomes active once a code from it is confirmed.
import { decrypt, encrypt } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { verifySecret } from "./password";
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

export async function disableTwoFactor(userId: string, password: string): Promise<{ sessionVersion: number }> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!u.totpEnabledAt) throw new AppError("conflict", "Two-factor authentication is already off.");
  if (!(await verifySecret(u.passwordHash, password))) throw new AppError("invalid_input", "The password is not right.");
  return db.user.update({
    where: { id: userId },
    data: { totpEnabledAt: null, totpSecretEnc: null, totpLastStep: null, recoveryCodes: [], sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
}
