// Where to send someone after signing in, taken from a `callbackUrl` they (or a link) supplied.
// Only a path of this site is accepted: the value is parsed as a browser would, relative to a
// placeholder origin, and must stay on it. Browsers drop tabs and newlines inside URLs and treat
// `\` as `/`, so `/%09/evil.com` or `/\evil.com` would leave the site: any control character or
// backslash, raw or percent-encoded, refuses the value outright.
const BASE = "https://portal.invalid";
const ENCODED_UNSAFE = /\\|%(?:[01][0-9a-f]|7f|5c)/i;

function unsafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return ENCODED_UNSAFE.test(value);
}

/** A same-site path (path + query + hash) to return to; anything else falls back to `fallback`. */
export function safeCallback(value: string | null | undefined, fallback = "/w"): string {
  if (!value || value.length > 2000 || !value.startsWith("/") || unsafe(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
