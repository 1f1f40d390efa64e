import "server-only";
// Where the session lives: the cookie name depends on whether cookies are Secure, which follows
// APP_URL (https in production), so next-auth and our own token reader agree on it. Route
// handlers parse the Cookie header with Next's own parser (the one behind `cookies()` and
// NextRequest), which skips a value it cannot percent-decode instead of throwing: a stray
// `_ga=GA1.%zz` set by an analytics script must mean "no session", never a 500.
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/session-cookie";
import { env } from "../env";

export function secureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token in a request's Cookie header (as `cookies()` would read it), or undefined. */
export function sessionTokenFromHeaders(headers: Headers): string | undefined {
  try {
    return new RequestCookies(headers).get(sessionCookieName())?.value || undefined;
  } catch {
    return undefined; // unreadable header: no session
  }
}
