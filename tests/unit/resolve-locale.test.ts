// The language rule (issue 14): user's choice, then Accept-Language, then the workspace's default, then English.
import { describe, expect, it, vi } from "vitest";
import { negotiateLocale, parseAcceptLanguage, resolveLocale } from "@/server/i18n/resolve-locale";

describe("resolveLocale", () => {
  it("prefers the user's choice over the browser and the workspace", async () => {
    const ws = vi.fn(async () => "es");
    expect(await resolveLocale({ userLocale: "fr", acceptLanguage: "de-DE,de;q=0.9", workspaceLocale: ws })).toBe("fr");
    expect(ws).not.toHaveBeenCalled();
  });

  it("then follows Accept-Language, without looking the workspace up", async () => {
    const ws = vi.fn(async () => "es");
    expect(await resolveLocale({ userLocale: null, acceptLanguage: "de-AT,de;q=0.9,en;q=0.5", workspaceLocale: ws })).toBe("de");
    expect(ws).not.toHaveBeenCalled();
  });

  it("then the workspace's default language when the browser asks for none of ours", async () => {
    expect(await resolveLocale({ userLocale: null, acceptLanguage: "ja,zh;q=0.8", workspaceLocale: async () => "es" })).toBe("es");
    expect(await resolveLocale({ acceptLanguage: null, workspaceLocale: async () => "fr" })).toBe("fr");
  });

  it("then English; unknown stored values are ignored at every step", async () => {
    expect(await resolveLocale({})).toBe("en");
    expect(await resolveLocale({ userLocale: "xx", acceptLanguage: "ja", workspaceLocale: async () => "klingon" })).toBe("en");
    expect(await resolveLocale({ userLocale: "xx", acceptLanguage: "es-MX" })).toBe("es");
  });
});

describe("Accept-Language", () => {
  it("orders by q, keeps the header's order on ties, drops q=0 and malformed ranges", () => {
    expect(parseAcceptLanguage("en;q=0.3, fr;q=0.8, de")).toEqual(["de", "fr", "en"]);
    expect(parseAcceptLanguage("es, fr")).toEqual(["es", "fr"]);
    expect(parseAcceptLanguage("fr;q=0, de;q=0.1")).toEqual(["de"]);
    expect(parseAcceptLanguage("fr;q=abc, <script>, de")).toEqual(["de"]);
    expect(parseAcceptLanguage("fr;q=1.5, es")).toEqual(["es"]);
  });

  it("matches a regional tag to its language and ignores the wildcard", () => {
    expect(negotiateLocale("pt-BR, fr-CA;q=0.7")).toBe("fr");
    expect(negotiateLocale("*")).toBeNull();
    expect(negotiateLocale("en-US;q=0.2, de-CH;q=0.9")).toBe("de");
    expect(negotiateLocale("")).toBeNull();
  });
});
