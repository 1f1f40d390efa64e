import "server-only";
// The client address that throttling counts. X-Forwarded-For is written by whoever sent the
// request, so only the hops added by proxies we trust mean anything: with TRUST_PROXY=N the
// address is the (N+1)-th hop from the right, the last one being the socket peer that
// stampPeerAddress() appends. Anything a client puts further left is ignored.
import { env } from "../env";

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function hops(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

export function clientIp(headers: HeaderBag, trust: number | "vercel" = env().TRUST_PROXY): string {
  if (trust === "vercel") {
    // Vercel's edge sets these and overwrites any a client sent.
    return hops(header(headers, "x-vercel-forwarded-for"))[0] ?? header(headers, "x-real-ip")?.trim() ?? "unknown";
  }
  const list = hops(header(headers, "x-forwarded-for"));
  // Fewer hops than trusted proxies: a misconfiguration; the leftmost is the best guess left.
  return (list.at(-(trust + 1)) ?? list[0] ?? "unknown").slice(0, 100);
}
