// Small HTTP helpers for the simulator: JSON answers, bounded body reading, and streaming a
// JSON array with backpressure so a million-record response never sits in memory at once.
import type { IncomingMessage, ServerResponse } from "node:http";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json), "cache-control": "no-store" });
  res.end(json);
}

const MAX_BODY = 1024 * 1024;

/** Reads and parses a JSON body (1 MB at most); HttpError 400/413 on anything else. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new HttpError(413, "Request body too large.");
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new HttpError(400, "A JSON body is required.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

/** Case-insensitive field lookup: ASP.NET model binding (Senar's stack) ignores key case. */
export function field(body: unknown, name: string): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(body)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

const CHUNK = 64 * 1024;
const SLACK = 16 * 1024;

/**
 * Streams `items` (each one JSON text) as one JSON array. Items are UTF-8 encoded straight into
 * ~64 KB buffers (measured ~2x cheaper than concatenating strings and letting write() encode);
 * when the socket's buffer is full (write() returns false) generation waits for 'drain', so
 * memory stays flat whatever the client's speed. Stops quietly if the client goes away.
 */
export async function streamJsonArray(res: ServerResponse, items: Iterable<string>): Promise<void> {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  let buf = Buffer.allocUnsafe(CHUNK + SLACK);
  let off = 0;
  const flush = async (): Promise<void> => {
    const ok = res.write(buf.subarray(0, off));
    buf = Buffer.allocUnsafe(CHUNK + SLACK); // the written one now belongs to the socket
    off = 0;
    if (!ok) await writable(res);
  };
  buf[off++] = 0x5b; // [
  let first = true;
  for (const item of items) {
    if (res.destroyed) return;
    if (!first) buf[off++] = 0x2c; // ,
    first = false;
    const worst = item.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (off + worst > buf.length) {
      await flush();
      if (res.destroyed) return;
      if (worst > buf.length) buf = Buffer.allocUnsafe(worst);
    }
    off += buf.write(item, off, "utf8");
    if (off >= CHUNK) await flush();
  }
  if (res.destroyed) return;
  if (off + 1 > buf.length) await flush();
  buf[off++] = 0x5d; // ]
  res.end(buf.subarray(0, off));
}
