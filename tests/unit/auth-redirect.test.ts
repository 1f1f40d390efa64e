import { describe, expect, it } from "vitest";
import { authRedirect } from "@/server/auth/auth-redirect";

const baseUrl = "https://portal.example";
const go = (url: string) => authRedirect({ url, baseUrl });

describe("next-auth redirect callback", () => {
  it("keeps same-origin paths and absolute URLs of our origin", () => {
    expect(go("/w/acme?range=7d")).toBe("https://portal.example/w/acme?range=7d");
    expect(go("https://portal.example/account")).toBe("https://portal.example/account");
  });

  it.each(["//evil.com", "/\\evil.com", "/\t/evil.com", "/%09/evil.com", "https://evil.com/", "javascript:alert(1)", "\\\\evil.com", "/\n/evil.com"])(
    "never leaves the origin, and never throws: %j",
    (v) => {
      const out = go(v);
      expect(new URL(out).origin).toBe(baseUrl);
      expect([...out].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)).toBe(false);
    },
  );

  it("values that are not URLs at all (next-auth's default threw on these) fall back to a path of ours", () => {
    for (const v of ["\u0001", " //evil.com", "%2F%2Fevil.com", "\u202e", "http://[::1"]) {
      expect(new URL(go(v)).origin).toBe(baseUrl);
    }
  });
});

describe("callbackUrl values next-auth can parse (proxy.ts refuses the others)", () => {
  it("accepts paths and http(s) URLs, refuses what next-auth's own check would answer 500 for", async () => {
    const { nextAuthAcceptsCallback } = await import("@/lib/next-auth-callback");
    for (const ok of ["/w", "/\t/evil.com", "https://evil.com/", "http://portal.example/x"]) expect(nextAuthAcceptsCallback(ok, baseUrl)).toBe(true);
    for (const bad of ["\u0001", "javascript:alert(1)", "%2F%2Fevil.com", " //evil.com", "\u202e", "\\\\evil.com", "data:text/html,x"]) {
      expect(nextAuthAcceptsCallback(bad, baseUrl)).toBe(false);
    }
  });
});
