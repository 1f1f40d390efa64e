import "server-only";
// Webhook URL tokens: 32 random bytes (base64url, 43 characters), stored only as SHA-256.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newHookToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashHookToken(token) };
}

export function hashHookToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
