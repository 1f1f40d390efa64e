// The post-sign-in redirect target: only paths of this site survive, whatever browsers would
// make of tabs, newlines, backslashes and schemes.
import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/safe-redirect";

describe("safeCallback", () => {
  it.each([
    "/%09/evil.com",
    "/%0a/evil.com",
    "/%0D/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "//evil.com",
    "/\\evil.com",
    "/%5cevil.com",
    "javascript:alert(1)",
    "https://evil.com",
    "http://portal.invalid/w",
    "",
  ])("refuses %j", (value) => {
    expect(safeCallback(value)).toBe("/w");
  });

  it("keeps a path with its query and hash", () => {
    expect(safeCallback("/w/acme?x=1")).toBe("/w/acme?x=1");
    expect(safeCallback("/w/acme/reports?from=2026-01-01#top", "/x")).toBe("/w/acme/reports?from=2026-01-01#top");
    expect(safeCallback("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
  });

  it("falls back for null and undefined", () => {
    expect(safeCallback(null, "/home")).toBe("/home");
    expect(safeCallback(undefined)).toBe("/w");
  });
});
