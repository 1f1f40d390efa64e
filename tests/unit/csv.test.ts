// The one CSV writer (server/http/csv.ts): quoting, the formula-injection guard, the BOM and
// line ends, and the file name pattern every export uses.
import { describe, expect, it } from "vitest";
import { csvCell, csvFilename, csvLine, csvPercent, csvResponse } from "@/server/http/csv";

describe("csvCell", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+33 6 12 34 56 78")).toBe("'+33 6 12 34 56 78");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("-")).toBe("'-");
    expect(csvCell("-1-1")).toBe("'-1-1");
  });

  it("neutralises a leading tab or CR, and quotes the CR", () => {
    expect(csvCell("\t=cmd")).toBe("'\t=cmd");
    expect(csvCell("\r=cmd")).toBe(`"'\r=cmd"`);
  });

  it("leaves a cell alone when the whole cell is a number", () => {
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell("+3")).toBe("+3");
    expect(csvCell("-1e-3")).toBe("-1e-3");
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(0.425)).toBe("0.425");
    expect(csvCell(true)).toBe("true");
    expect(csvCell("plain text")).toBe("plain text");
  });

  it("quotes cells holding ; , \" CR or LF, and writes null as empty", () => {
    expect(csvCell("Fire; smoke")).toBe(`"Fire; smoke"`);
    expect(csvCell("a,b")).toBe(`"a,b"`);
    expect(csvCell('say "hi"')).toBe(`"say ""hi"""`);
    expect(csvCell("two\nlines")).toBe(`"two\nlines"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    // Neutralised and quoted: the apostrophe goes inside the quotes.
    expect(csvCell("=A1;B1")).toBe(`"'=A1;B1"`);
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", 1, null, "=x"])).toBe("a,1,,'=x\r\n");
  });

  it("writes percentages with one decimal", () => {
    expect(csvPercent(0.8123)).toBe("81.2");
    expect(csvPercent(null)).toBe("");
  });
});

describe("csvFilename", () => {
  it("is <workspace>-<report>-<local date>.csv", () => {
    const now = new Date("2026-03-01T23:30:00Z");
    expect(csvFilename("acme", "activities", "UTC", now)).toBe("acme-activities-2026-03-01.csv");
    expect(csvFilename("acme", "activities", "Asia/Tokyo", now)).toBe("acme-activities-2026-03-02.csv");
    expect(csvFilename("a b\"c", "matrix", "UTC", now)).toBe("a_b_c-matrix-2026-03-01.csv");
  });
});

describe("csvResponse", () => {
  it("streams a BOM, the header and each chunk's lines", async () => {
    async function* chunks() {
      yield [{ n: "=1" }, { n: "b" }];
      yield [{ n: "c" }];
    }
    const res = csvResponse("x.csv", ["name"], chunks(), (r) => csvLine([r.n]));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("name\r\n'=1\r\nb\r\nc\r\n");
  });
});

describe("csvResponse for scripts", () => {
  it("sends no BOM, so the first header is read as `id`", async () => {
    async function* chunks() {
      yield [{ n: "a" }];
    }
    const res = csvResponse("x.csv", ["id"], chunks(), (r) => csvLine([r.n]), { for: "script" });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes[0]).toBe("i".charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe("id\r\na\r\n");
  });
});
