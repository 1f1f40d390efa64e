import "server-only";
// Secrets at rest (Senar passwords and tokens, TOTP secrets): AES-256-GCM under ENCRYPTION_KEY.
// Each value carries the id of the key that sealed it ("v1:<kid>:<iv>:<tag>:<data>"), so during
// a rotation ENCRYPTION_KEY_PREVIOUS still opens old values until `keys:rotate` re-seals them.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "./env";

export type Key = { id: string; bytes: Buffer };
export type KeyRing = { current: Key; previous?: Key };

export function keyFrom(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 32) throw new Error("An encryption key must be 32 bytes (base64).");
  // The id names the key without revealing it: a short hash, not the key itself.
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

export function keyRing(): KeyRing {
  const e = env();
  return {
    current: keyFrom(e.ENCRYPTION_KEY),
    previous: e.ENCRYPTION_KEY_PREVIOUS ? keyFrom(e.ENCRYPTION_KEY_PREVIOUS) : undefined,
  };
}

export class DecryptError extends Error {
  override name = "DecryptError";
}

export function encrypt(plain: string, ring: KeyRing = keyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.bytes, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", ring.current.id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(":");
}

/** The id of the key a sealed value was made with (null if it is not ours). */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(":");
  return parts.length === 5 && parts[0] === "v1" ? (parts[1] ?? null) : null;
}

export function decrypt(sealed: string, ring: KeyRing = keyRing()): string {
  const [version, kid, iv, tag, data] = sealed.split(":");
  if (version !== "v1" || !kid || !iv || !tag || data === undefined) throw new DecryptError("Not an encrypted value.");
  const key = [ring.current, ring.previous].find((k) => k?.id === kid);
  if (!key) throw new DecryptError("This value was encrypted with a key that is no longer configured.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("The encrypted value is damaged or was tampered with.");
  }
}

/** Re-seals a value with the current key when it was sealed with another one. */
export function reseal(sealed: string, ring: KeyRing = keyRing()): string | null {
  if (sealedKeyId(sealed) === ring.current.id) return null;
  return encrypt(decrypt(sealed, ring), ring);
}
