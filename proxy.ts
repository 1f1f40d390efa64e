// Two cheap checks before any route runs; neither authorizes anything (every page and route
// checks the session, membership and role itself):
// - a URL with a NUL byte is refused: no URL of ours has one, and PostgreSQL cannot store it;
// - optimistic redirect: without any session cookie, /w/* and /account/* go to /signin.
// It also sets the nonce-based Content-Security-Policy of every page (lib/content-security-policy.ts).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from "@/lib/content-security-policy";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = /^\/(w|account)(\/|$)/;

export function proxy(req: NextRequest) {
  if (/%00/.test(req.url)) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The URL contains a NUL character." } },
      { status: 400 },
    );
  }
  if (!SIGNED_IN_AREAS.test(req.nextUrl.pathname)) return withNonceCsp(req);
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return withNonceCsp(req);
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

// Next reads the nonce from the request's CSP header and puts it on its own scripts; x-nonce is
// for any <Script> of ours. The response carries the same policy to the browser.
function withNonceCsp(req: NextRequest): NextResponse {
  const nonce = newNonce();
  // eslint-disable-next-line no-restricted-properties -- NODE_ENV is inlined at build time; server/env.ts is not loaded here.
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(req.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

// Every request but Next's static files: each page needs its own nonce.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
