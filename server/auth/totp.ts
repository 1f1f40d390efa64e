import "server-only";
// TOTP two-factor: the secret is stored encrypted; recovery codes are stored argon2-hashed and
// each works once.
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { hashSecret, verifySecret } from "./password";

const ISSUER = "Senar Portal";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(email: string, secretBase32: string): string {
  return new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(secretBase32) }).toString();
}

export function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { margin: 1, width: 200 });
}

const PERIOD_SECONDS = 30;

/**
 * The time step a code belongs to (the current one or one either side, for clock drift), or
 * null when it matches none. Sign-in remembers the step so a code cannot be replayed.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(secretBase32), period: PERIOD_SECONDS, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export function verifyTotp(secretBase32: string, code: string): boolean {
  return totpStep(secretBase32, code) !== null;
}

/** Ten recovery codes like "k3f9q-x7m2p" (shown once) and their hashes (stored). */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const codes = Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: await Promise.all(codes.map(hashSecret)) };
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}

export function normaliseRecoveryCode(code: string): string {
  const c = code.trim().toLowerCase().replace("-", "");
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

/** Index of the stored hash this recovery code matches, or -1. */
export async function matchRecoveryCode(hashes: string[], code: string): Promise<number> {
  const normal = normaliseRecoveryCode(code);
  for (const [i, h] of hashes.entries()) {
    if (await verifySecret(h, normal)) return i;
  }
  return -1;
}
