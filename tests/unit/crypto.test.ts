import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, DecryptError, encrypt, keyFrom, reseal, sealedKeyId, type KeyRing } from "@/server/crypto";

const k = () => keyFrom(randomBytes(32).toString("base64"));

describe("AES-256-GCM secrets", () => {
  const a = k();
  const ringA: KeyRing = { current: a };

  it("round-trips, with a fresh IV each time", () => {
    const s1 = encrypt("pässwörd ✓", ringA);
    const s2 = encrypt("pässwörd ✓", ringA);
    expect(s1).not.toBe(s2);
    expect(s1).not.toContain("pässwörd");
    expect(decrypt(s1, ringA)).toBe("pässwörd ✓");
    expect(sealedKeyId(s1)).toBe(a.id);
  });

  it("refuses tampered data and unknown keys", () => {
    const sealed = encrypt("secret", ringA);
    const parts = sealed.split(":");
    const data = Buffer.from(parts[4] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString("base64url");
    expect(() => decrypt(parts.join(":"), ringA)).toThrow(DecryptError);
    expect(() => decrypt(sealed, { current: k() })).toThrow(/no longer configured/);
    expect(() => decrypt("plain text", ringA)).toThrow(DecryptError);
  });

  it("rotation: the previous key still opens old values; reseal moves them to the current key", () => {
    const old = encrypt("token-123", ringA);
    const b = k();
    const rotating: KeyRing = { current: b, previous: a };
    expect(decrypt(old, rotating)).toBe("token-123");
    const moved = reseal(old, rotating);
    expect(moved).not.toBeNull();
    expect(sealedKeyId(moved ?? "")).toBe(b.id);
    expect(reseal(moved ?? "", rotating)).toBeNull(); // already current
    expect(decrypt(moved ?? "", { current: b })).toBe("token-123"); // old key can go
    expect(() => decrypt(old, { current: b })).toThrow(DecryptError);
  });

  it("rejects keys of the wrong size", () => {
    expect(() => keyFrom(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
