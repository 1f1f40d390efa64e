// Formatting follows the language (issue 14): French and German separators, English unchanged.
import { describe, expect, it } from "vitest";
import { firstDayOfWeek, formatInt, formatPct, formatters } from "@/lib/format";

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("locale-aware formatters", () => {
  it("French: spaced thousands, decimal comma", () => {
    const f = formatters("fr");
    expect(norm(f.formatInt(1187))).toBe("1 187");
    expect(norm(f.formatPct(0.856))).toBe("85,6 %");
    expect(f.formatDate(new Date("2021-03-09T11:37:00Z"), "Europe/Paris")).toBe("09 mars 2021");
  });

  it("German: dotted thousands, decimal comma, German month and points", () => {
    const f = formatters("de");
    expect(f.formatInt(1187)).toBe("1.187");
    expect(norm(f.formatPct(0.856))).toBe("85,6 %");
    expect(norm(f.formatPoints(0.03))).toBe("+3,0 Pp.");
    expect(f.formatDate(new Date("2021-03-09T11:37:00Z"), "Europe/Berlin")).toBe("09. März 2021");
  });

  it("English keeps the historic output through the old exports", () => {
    expect(formatInt(1187)).toBe("1,187");
    expect(formatPct(0.856)).toBe("85.6 %");
    expect(formatters("en").formatDateTime(new Date("2021-03-09T11:37:00Z"), "Europe/London")).toBe("09 Mar 2021, 11:37");
    expect(formatters("zz").formatInt(1187)).toBe("1,187");
  });

  it("the workspace time zone decides the day, in every language", () => {
    const late = new Date("2021-03-09T23:30:00Z");
    expect(formatters("es").formatDate(late, "Asia/Tokyo")).toBe("10 mar 2021");
    expect(formatters("es").formatDate(late, "UTC")).toBe("09 mar 2021");
  });

  it("weeks start on Monday in all four languages (en = en-GB)", () => {
    for (const l of ["en", "fr", "de", "es"] as const) expect(firstDayOfWeek(l)).toBe(1);
  });
});
