import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParserEngine } from "@/server/senar/element-stream";
import { createElementStream } from "@/server/senar/json-stream";

/** Feeds `text` in chunks cut at the given byte offsets; returns the elements or the error. */
function run(text: string, cuts: number[], engine: ParserEngine) {
  const bytes = Buffer.from(text, "utf8");
  const out: unknown[] = [];
  const s = createElementStream((v) => out.push(v), engine);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  try {
    for (const p of [...points, bytes.length]) {
      s.write(bytes.subarray(at, p));
      at = p;
    }
    s.end();
    return { ok: true as const, out };
  } catch (e) {
    return { ok: false as const, out, error: e as Error };
  }
}

describe("streamed JSON lists", () => {
  it("the fast framer and @streamparser/json give the same elements, however the bytes are cut", () => {
    // Strings with quotes, backslashes, brackets, commas and multi-byte characters stress the framer.
    const tricky = fc.oneof(fc.string(), fc.constantFrom('a"b', "c\\", "\\\"", "]", "},{", "é€😀", "\\u00e9"));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tricky, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(tricky, tie("v"), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (list, cuts, pretty) => {
        const text = JSON.stringify(list, null, pretty ? 2 : undefined);
        const fast = run(text, cuts, "auto");
        const lib = run(text, cuts, "streamparser");
        expect(fast.ok).toBe(true);
        expect(lib.ok).toBe(true);
        expect(fast.out).toEqual(JSON.parse(text));
        expect(lib.out).toEqual(fast.out);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts a data/items wrapper and a byte-order mark", () => {
    expect(run('{"total":2,"data":[{"id":1},{"id":2}]}', [5, 17], "auto").out).toEqual([{ id: 1 }, { id: 2 }]);
    expect(run('{"items":[]}', [], "auto")).toMatchObject({ ok: true, out: [] });
    expect(run('\ufeff[{"id":1}]', [1, 2], "auto").out).toEqual([{ id: 1 }]);
  });

  it.each(["auto", "streamparser"] as const)("refuses what is not a complete list (%s)", (engine) => {
    for (const bad of ['{"error":"nope"}', '"text"', "42", "", "   ", '[{"id":1},', '[{"id":1}] x', "[1,]", "[,1]", "[1,,2]", "[1 2]", '[{"a":1}}', "[] []", "<html>oops</html>"]) {
      const r = run(bad, [3], engine);
      expect(r.ok, bad).toBe(false);
    }
  });
});
