import "server-only";
// The fast path for a top-level JSON array. The complete elements of each chunk go through V8's
// native JSON.parse in one call; where they end is found by a byte scanner (tracking strings,
// escapes and bracket depth) or, for most chunks, by the cheaper shortcut below.
// @streamparser/json builds every value byte by byte in JavaScript: about 8x slower here, too
// slow for the 100k records/s goal. Same streaming, same memory bound (docs/BENCH-SENAR.md);
// equivalence with the library is property-tested (tests/unit/senar-client-json-stream.test.ts).
import type { ElementStream } from "./element-stream";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** One record bigger than this is not a Senar record: refuse rather than buffer without bound. */
export const MAX_ELEMENT_BYTES = 16 * 1024 * 1024;

const RECORD_BOUNDARY = Buffer.from("},{");

const isWhitespace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export class JsonFrameError extends Error {
  override name = "JsonFrameError";
}

/**
 * Expects a stream holding one JSON array (whitespace around it is fine, a BOM is not: the
 * caller strips it). Calls onElement for each element in order.
 */
export function createArrayFramer(onElement: (value: unknown) => void): ElementStream {
  let pending: Buffer = Buffer.alloc(0); // bytes of the element(s) not yet complete
  let scanned = 0; // how many bytes of `pending` the scanner has already walked through
  let depth = 0; // 0 before `[` and after `]`; 1 between elements; more inside one
  let inString = false;
  let escaped = false;
  let closed = false;
  let sawComma = false; // `[1,]` must fail like JSON.parse would

  const emitAll = (text: string) => {
    // `text` holds whole elements separated by commas: one native parse for all of them.
    if (!text.trim()) throw new JsonFrameError("an empty element in the list");
    const values = JSON.parse(`[${text}]`) as unknown[];
    for (const v of values) onElement(v);
  };

  /**
   * Skips the byte scan when it can. `buf` starts at an element (depth 1, outside any string).
   * Take everything up to the last `},{`: if that cut fell inside a string or inside a nested
   * value, the brackets or quotes of `[prefix]` cannot balance and JSON.parse throws, so a
   * successful parse proves the cut was between two elements. On failure the scanner decides.
   */
  const shortcut = (buf: Buffer): Buffer | undefined => {
    const cut = buf.lastIndexOf(RECORD_BOUNDARY);
    if (cut < 0) return undefined;
    let values: unknown[];
    try {
      values = JSON.parse(`[${buf.toString("utf8", 0, cut + 1)}]`) as unknown[];
    } catch {
      return undefined;
    }
    for (const v of values) onElement(v);
    // The rest starts at the `{` of the next element, in a known state: depth 1, outside strings.
    scanned = 0;
    depth = 1;
    inString = false;
    escaped = false;
    sawComma = true;
    return buf.subarray(cut + 2);
  };

  return {
    write(chunk) {
      if (chunk.length === 0) return;
      const incoming = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let buf = pending.length > 0 ? Buffer.concat([pending, incoming]) : incoming;
      // The scan below then only walks the tail after the last element the shortcut took.
      // Not while one huge element accumulates: each failed try would re-parse all of it.
      if (depth > 0 && !closed && pending.length < 1_000_000) buf = shortcut(buf) ?? buf;
      let i = scanned; // bytes before this were scanned by the previous write
      let segStart = 0; // where the not-yet-emitted elements begin (within buf)
      let lastSep = -1; // the last depth-1 comma: everything before it is complete elements
      // Locals, not the closure's variables, in the hot loop: V8 keeps them in registers.
      let d = depth;
      let inStr = inString;
      if (escaped) i++; // the previous chunk ended on a backslash inside a string
      escaped = false;
      const n = buf.length;

      for (; i < n; i++) {
        if (inStr) {
          // Most of a record's bytes are string content: skim it in a tight loop.
          while (i < n) {
            const c = buf[i]!;
            if (c === QUOTE) {
              inStr = false;
              break;
            }
            i += c === BACKSLASH ? 2 : 1;
          }
          if (inStr) {
            escaped = i > n;
            break;
          }
          continue;
        }
        const b = buf[i]!;
        if (b === QUOTE) inStr = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
          if (d === 0) {
            if (closed || b !== OPEN_BRACKET) throw new JsonFrameError("expected a JSON list");
            segStart = i + 1;
          }
          d++;
        } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          d--;
          if (d < 0) throw new JsonFrameError("unbalanced brackets");
          if (d === 0) {
            if (b !== CLOSE_BRACKET) throw new JsonFrameError("unbalanced brackets");
            // The list's own `]`: whatever is left since the last comma is the final element.
            const rest = buf.toString("utf8", lastSep >= 0 ? lastSep + 1 : segStart, i);
            if (lastSep >= 0) emitAll(buf.toString("utf8", segStart, lastSep));
            if (rest.trim() || sawComma) emitAll(rest); // `[]` is fine, `[1,]` is not
            closed = true;
            segStart = i + 1;
            lastSep = -1;
          }
        } else if (d === 1 && b === COMMA) {
          lastSep = i;
          sawComma = true;
        } else if (d === 0 && !isWhitespace(b)) {
          throw new JsonFrameError(closed ? "unexpected data after the list" : "expected a JSON list");
        }
      }
      depth = d;
      inString = inStr;
      if (depth === 0) {
        pending = Buffer.alloc(0);
        scanned = 0;
        return;
      }
      if (lastSep >= 0) {
        emitAll(buf.toString("utf8", segStart, lastSep));
        segStart = lastSep + 1;
      }
      // Keep only the unfinished element; copy so the big chunk it came from can be freed.
      pending = Buffer.from(buf.subarray(segStart));
      scanned = pending.length;
      if (pending.length > MAX_ELEMENT_BYTES) throw new JsonFrameError("a single record is larger than 16 MB");
    },
    end() {
      if (!closed || depth !== 0 || inString) throw new JsonFrameError("the list ended early");
    },
  };
}
