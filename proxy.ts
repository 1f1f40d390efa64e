// Two cheap checks before any route runs; neither authorizes anything (every page and route
// checks the session, membership and role itself):
// - a URL with a NUL byte is refused: no URL of ours has one, and PostgreSQL cannot store it;
// - optimistic redirect: without any session cookie, /w/* and /account/* go to /signin.
// It also passes the path on (PATHNAME_HEADER) so the language can fall back to the workspace's.
import { NextResponse, type NextRequest } from "next/server";
import { PATHNAME_HEADER } from "@/lib/pathname-header";
import { SESSION_COOKIES } from "@/lib/session-cookie";

const SIGNED_IN_AREAS = /^\/(w|account)(\/|$)/;

export function proxy(req: NextRequest) {
  if (/%00/.test(req.url)) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The URL contains a NUL character." } },
      { status: 400 },
    );
  }
  if (!SIGNED_IN_AREAS.test(req.nextUrl.pathname)) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) {
    const headers = new Headers(req.headers);
    headers.set(PATHNAME_HEADER, req.nextUrl.pathname);
    return NextResponse.next({ request: { headers } });
  }
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/w/:path*", "/account/:path*", "/api/:path*"] };
