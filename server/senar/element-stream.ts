import "server-only";
// The shape both JSON list parsers (json-stream.ts and its fast path json-array-framer.ts) hand
// out. Its own module so the two parsers depend on it, not on each other (no import cycle).

export type ElementStream = {
  /** Feeds the next chunk; elements completed by it are handed to onElement before this returns. */
  write(chunk: Uint8Array): void;
  /** Declares the end of the body; throws when the document is incomplete or has the wrong shape. */
  end(): void;
};

export type ParserEngine = "auto" | "streamparser";
