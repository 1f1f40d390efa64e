import "server-only";
// Streams the elements of a large JSON list out of a byte stream, without ever holding the
// whole document: Senar's `activities` has no paging and may be hundreds of thousands of rows.
// Accepts a top-level array, or an object wrapping the list in `data` or `items`.
import { TokenParser, Tokenizer, TokenType } from "@streamparser/json";
import type { ParsedElementInfo, ParsedTokenInfo } from "@streamparser/json";
import { createArrayFramer, JsonFrameError } from "./json-array-framer";
import type { ElementStream, ParserEngine } from "./element-stream";

export class JsonShapeError extends Error {
  override name = "JsonShapeError";
}

const WRAPPER_KEYS = new Set(["data", "items"]);

/**
 * Creates a parser that calls onElement(value) for each element of the list, in source order.
 * Invalid JSON throws from write()/end(); a body that is not a list (or a `data`/`items`
 * wrapper around one) or that ends early throws JsonShapeError.
 * "auto" sends a top-level array through the fast framer (json-array-framer.ts) and anything
 * else through @streamparser/json; "streamparser" uses the library for everything.
 */
export function createElementStream(onElement: (value: unknown) => void, engine: ParserEngine = "auto"): ElementStream {
  if (engine === "streamparser") return streamparserElements(onElement);
  let inner: ElementStream | undefined;
  let first = true;
  const guard = (step: () => void) => {
    try {
      step();
    } catch (e) {
      throw e instanceof JsonFrameError ? new JsonShapeError(e.message, { cause: e }) : e;
    }
  };
  return {
    write(chunk) {
      let bytes = chunk;
      if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3); // UTF-8 BOM
      first = false;
      if (!inner) {
        const start = bytes.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
        if (start < 0) return; // only whitespace so far
        inner = bytes[start] === 0x5b ? createArrayFramer(onElement) : streamparserElements(onElement);
        bytes = bytes.subarray(start);
      }
      const target = inner;
      guard(() => target.write(bytes));
    },
    end() {
      if (!inner) throw new JsonShapeError("expected a JSON list of records, got an empty answer");
      const target = inner;
      guard(() => target.end());
    },
  };
}

/** The @streamparser/json engine: any shape, one value at a time. */
function streamparserElements(onElement: (value: unknown) => void): ElementStream {
  const tokenizer = new Tokenizer();
  let parser: TokenParser | undefined;
  let top: "array" | "object" | undefined;
  // For the wrapper form we watch the top-level keys ourselves: the parser's `$.data` path
  // would keep the whole list in memory, `$.data.*` alone does not tell "empty" from "absent".
  let depth = 0;
  let lastKey: unknown;
  let expectKey = false;
  let sawList = false;

  const makeParser = (kind: "array" | "object") => {
    // keepStack: false drops each element from its parent once emitted, so memory stays flat.
    const p = new TokenParser({ paths: kind === "array" ? ["$.*"] : ["$.data.*", "$.items.*"], keepStack: false });
    p.onValue = (info: ParsedElementInfo) => {
      if (Array.isArray(info.parent)) onElement(info.value); // `{ data: { a: 1 } }` is no list
    };
    p.onError = (err: Error) => {
      throw err;
    };
    return p;
  };

  tokenizer.onToken = (t: ParsedTokenInfo) => {
    if (!parser) {
      if (t.token === TokenType.LEFT_BRACKET) top = "array";
      else if (t.token === TokenType.LEFT_BRACE) top = "object";
      else throw new JsonShapeError("expected a JSON list of records");
      parser = makeParser(top);
    }
    if (top === "object") {
      switch (t.token) {
        case TokenType.LEFT_BRACE:
        case TokenType.LEFT_BRACKET:
          if (depth === 1 && t.token === TokenType.LEFT_BRACKET && typeof lastKey === "string" && WRAPPER_KEYS.has(lastKey)) sawList = true;
          depth++;
          expectKey = depth === 1 && t.token === TokenType.LEFT_BRACE;
          break;
        case TokenType.RIGHT_BRACE:
        case TokenType.RIGHT_BRACKET:
          depth--;
          break;
        case TokenType.COMMA:
          expectKey = depth === 1;
          break;
        case TokenType.STRING:
          if (expectKey) lastKey = t.value;
          expectKey = false;
          break;
        default:
          expectKey = false;
      }
    }
    parser.write(t);
  };
  tokenizer.onError = (err: Error) => {
    throw err;
  };

  return {
    write(chunk) {
      tokenizer.write(chunk);
    },
    end() {
      if (!tokenizer.isEnded) tokenizer.end();
      if (!parser) throw new JsonShapeError("expected a JSON list of records, got an empty or bare value");
      // A body cut short between two tokens (e.g. `[{"id":1},`) leaves the parser open.
      if (!parser.isEnded) parser.end();
      if (top === "object" && !sawList) throw new JsonShapeError("expected a JSON list of records (or an object with a data/items list)");
    },
  };
}
