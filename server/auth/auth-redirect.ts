import "server-only";
// next-auth's redirect callback. Its default calls `new URL(callbackUrl)` on anything not starting
// with "/", which throws (a 500 on every /api/auth/* call with such a ?callbackUrl=), and passes
// "/\n/evil.com" into a Location header (another 500) or "/\t/evil.com" on as is (the browser
// drops the tab: off-site). Here the value is resolved as a browser would, kept only when it stays
// on our origin, and handed on as a same-site path (lib/safe-redirect.ts has the path rules).
import { safeCallback } from "@/lib/safe-redirect";

export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  let path: string | null = null;
  try {
    const u = new URL(url, baseUrl);
    if (u.origin === origin) path = `${u.pathname}${u.search}${u.hash}`;
  } catch {
    path = null;
  }
  return `${origin}${safeCallback(path)}`;
}
