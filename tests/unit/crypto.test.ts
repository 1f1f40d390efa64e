import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, DecryptError, encrypt, isLegacySealed, keyFrom, reseal, sealedKeyId, type Key, type KeyRing, type SealedAt } from "@/server/crypto";

const k = () => keyFrom(randomBytes(32).toString("base64"));
const pwA: SealedAt = { workspaceId: "ws-a", column: "senarPasswordEnc" };
const pwB: SealedAt = { workspaceId: "ws-b", column: "senarPasswordEnc" };
const tokA: SealedAt = { workspaceId: "ws-a", column: "senarTokenEnc" };

// The format written before row binding: exactly what the old encrypt() produced (no AAD).
function legacyEncrypt(plain: string, key: Key): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

describe("AES-256-GCM secrets", () => {
  const a = k();
  const ringA: KeyRing = { current: a };

  it("round-trips, with a fresh IV each time", () => {
    const s1 = encrypt("pässwörd ✓", pwA, ringA);
    const s2 = encrypt("pässwörd ✓", pwA, ringA);
    expect(s1).not.toBe(s2);
    expect(s1).not.toContain("pässwörd");
    expect(s1.startsWith("v2:")).toBe(true);
    expect(decrypt(s1, pwA, ringA)).toBe("pässwörd ✓");
    expect(sealedKeyId(s1)).toBe(a.id);
  });

  it("refuses tampered data and unknown keys", () => {
    const sealed = encrypt("secret", pwA, ringA);
    const parts = sealed.split(":");
    const data = Buffer.from(parts[4] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString("base64url");
    expect(() => decrypt(parts.join(":"), pwA, ringA)).toThrow(DecryptError);
    expect(() => decrypt(sealed, pwA, { current: k() })).toThrow(/no longer configured/);
    expect(() => decrypt("plain text", pwA, ringA)).toThrow(DecryptError);
  });

  it("a value copied to another workspace, another column or another table does not open", () => {
    const sealed = encrypt("demo-pass1", pwA, ringA);
    expect(() => decrypt(sealed, pwB, ringA)).toThrow(DecryptError);
    expect(() => decrypt(sealed, tokA, ringA)).toThrow(DecryptError);
    expect(() => decrypt(sealed, { userId: "ws-a", column: "totpSecretEnc" }, ringA)).toThrow(DecryptError);
    // Relabelling a bound value as the old unbound format does not get around the binding.
    expect(() => decrypt(sealed.replace(/^v2:/, "v1:"), pwB, ringA)).toThrow(DecryptError);
    expect(decrypt(sealed, pwA, ringA)).toBe("demo-pass1");
  });

  it("old-format (v1) values still open, and reseal upgrades them to bound v2", () => {
    const old = legacyEncrypt("tok-legacy", a);
    expect(isLegacySealed(old)).toBe(true);
    expect(decrypt(old, tokA, ringA)).toBe("tok-legacy");
    const upgraded = reseal(old, tokA, ringA);
    expect(upgraded?.startsWith("v2:")).toBe(true);
    expect(isLegacySealed(upgraded ?? "")).toBe(false);
    expect(decrypt(upgraded ?? "", tokA, ringA)).toBe("tok-legacy");
    expect(() => decrypt(upgraded ?? "", { workspaceId: "ws-other", column: "senarTokenEnc" }, ringA)).toThrow(DecryptError);
    expect(reseal(upgraded ?? "", tokA, ringA)).toBeNull();
  });

  it("rotation: the previous key still opens old values; reseal moves them to the current key", () => {
    const old = encrypt("token-123", tokA, ringA);
    const b = k();
    const rotating: KeyRing = { current: b, previous: a };
    expect(decrypt(old, tokA, rotating)).toBe("token-123");
    const moved = reseal(old, tokA, rotating);
    expect(moved).not.toBeNull();
    expect(sealedKeyId(moved ?? "")).toBe(b.id);
    expect(reseal(moved ?? "", tokA, rotating)).toBeNull(); // already current
    expect(decrypt(moved ?? "", tokA, { current: b })).toBe("token-123"); // old key can go
    expect(() => decrypt(old, tokA, { current: b })).toThrow(DecryptError);
  });

  it("rejects keys of the wrong size", () => {
    expect(() => keyFrom(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
