import "server-only";
// Secrets at rest (Senar passwords and tokens, TOTP secrets): AES-256-GCM under ENCRYPTION_KEY.
// Each value carries the id of the key that sealed it ("v2:<kid>:<iv>:<tag>:<data>"), so during
// a rotation ENCRYPTION_KEY_PREVIOUS still opens old values until `keys:rotate` re-seals them.
// v2 values are bound to their row and column through GCM's additional data: a value copied to
// another workspace, account or column fails to open. v1 values (no binding) are still read until
// `upgradeSecrets` (db:migrate, boot, keys:rotate) re-seals them as v2.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "./env";

export type Key = { id: string; bytes: Buffer };
export type KeyRing = { current: Key; previous?: Key };

/** Where a sealed value lives: the row's id and the column. */
export type SealedAt =
  | { workspaceId: string; column: "senarPasswordEnc" | "senarTokenEnc" }
  | { userId: string; column: "totpSecretEnc" };

const CURRENT = "v2";
const LEGACY = "v1";

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

// Table, id and column, so a workspace id can never be mistaken for a user id.
function additionalData(at: SealedAt): Buffer {
  const row = "workspaceId" in at ? `Workspace/${at.workspaceId}` : `User/${at.userId}`;
  return Buffer.from(`${row}/${at.column}`, "utf8");
}

export function encrypt(plain: string, at: SealedAt, ring: KeyRing = keyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.bytes, iv);
  cipher.setAAD(additionalData(at));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [CURRENT, ring.current.id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(":");
}

function parts(sealed: string) {
  const [version, kid, iv, tag, data, extra] = sealed.split(":");
  if ((version !== CURRENT && version !== LEGACY) || !kid || !iv || !tag || data === undefined || extra !== undefined) return null;
  return { version, kid, iv, tag, data };
}

/** The id of the key a sealed value was made with (null if it is not ours). */
export function sealedKeyId(sealed: string): string | null {
  return parts(sealed)?.kid ?? null;
}

/** True for values sealed before row binding existed; `upgradeSecrets` re-seals them. */
export function isLegacySealed(sealed: string): boolean {
  return parts(sealed)?.version === LEGACY;
}

export function decrypt(sealed: string, at: SealedAt, ring: KeyRing = keyRing()): string {
  const p = parts(sealed);
  if (!p) throw new DecryptError("Not an encrypted value.");
  const key = [ring.current, ring.previous].find((k) => k?.id === p.kid);
  if (!key) throw new DecryptError("This value was encrypted with a key that is no longer configured.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(p.iv, "base64url"));
    if (p.version === CURRENT) decipher.setAAD(additionalData(at));
    decipher.setAuthTag(Buffer.from(p.tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(p.data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("The encrypted value is damaged, was tampered with, or belongs to another row.");
  }
}

/** Re-seals a value with the current key and format when it uses another key or the old format. */
export function reseal(sealed: string, at: SealedAt, ring: KeyRing = keyRing()): string | null {
  const p = parts(sealed);
  if (p?.version === CURRENT && p.kid === ring.current.id) return null;
  return encrypt(decrypt(sealed, at, ring), at, ring);
}
