// Two cheap checks before any route runs; neither authorizes anything (every page and route
// checks the session, membership and role itself):
// - a URL with a NUL byte is refused: no URL of ours has one, and PostgreSQL cannot store it;
// - optimistic redirect: without any session cookie, /w/* and /account/* go to /signin.
// It also sets the nonce-based Content-Security-Policy of every page (lib/content-security-policy.ts),
// and keeps a callbackUrl next-auth cannot parse away from it (lib/next-auth-callback.ts).
// It also passes the path on (PATHNAME_HEADER) so the language can fall back to the workspace's.
import { NextResponse, type NextRequest } from "next/server";
import { PATHNAME_HEADER } from "@/lib/pathname-header";
import { SESSION_COOKIES } from "@/lib/session-cookie";
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from "@/lib/content-security-policy";
import { CALLBACK_COOKIES, nextAuthAcceptsCallback } from "@/lib/next-auth-callback";

const SIGNED_IN_AREAS = /^\/(w|account)(\/|$)/;

export function proxy(req: NextRequest) {
  if (/%00/.test(req.url)) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The URL contains a NUL character." } },
      { status: 400 },
    );
  }
  if (req.nextUrl.pathname.startsWith("/api/auth/")) return nextAuthRequest(req);
  if (!SIGNED_IN_AREAS.test(req.nextUrl.pathname)) return withNonceCsp(req);
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return withNonceCsp(req);
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

// A callbackUrl next-auth cannot parse would make it answer 500: refuse the query, drop the cookie.
function nextAuthRequest(req: NextRequest): NextResponse {
  // next-auth reads the last value of a repeated key; every one is checked.
  if (req.nextUrl.searchParams.getAll("callbackUrl").some((v) => !nextAuthAcceptsCallback(v, req.nextUrl.origin))) {
    return NextResponse.json({ error: { code: "bad_request", message: "The callbackUrl is not a valid address." } }, { status: 400 });
  }
  const bad = CALLBACK_COOKIES.filter((name) => req.cookies.getAll(name).some((c) => !nextAuthAcceptsCallback(c.value, req.nextUrl.origin)));
  if (!bad.length) return withNonceCsp(req);
  for (const name of bad) req.cookies.delete(name);
  const headers = new Headers(req.headers);
  headers.set("cookie", req.cookies.toString());
  const res = withNonceCsp(req, headers);
  for (const name of bad) res.cookies.delete(name);
  return res;
}

// Next reads the nonce from the request's CSP header and puts it on its own scripts; x-nonce is
// for any <Script> of ours. The response carries the same policy to the browser.
function withNonceCsp(req: NextRequest, headers = new Headers(req.headers)): NextResponse {
  const nonce = newNonce();
  // eslint-disable-next-line no-restricted-properties -- NODE_ENV is inlined at build time; server/env.ts is not loaded here.
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  headers.set(NONCE_HEADER, nonce);
  headers.set(PATHNAME_HEADER, req.nextUrl.pathname);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

// Every request but Next's static files: each page needs its own nonce.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
