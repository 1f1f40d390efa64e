import "server-only";
// Where the session lives: one cookie definition, given to next-auth as authOptions.cookies
// .sessionToken and used by every reader (getToken) and by issueSession, so they agree by
// construction. Secure cookies (and the "__Secure-" name) follow APP_URL: https in production.
import type { CookieOption } from "next-auth";
import { sessionCookieNameFor } from "@/lib/session-cookie";
import { env } from "../env";

export function secureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return sessionCookieNameFor(secureCookies());
}

/** next-auth's own defaults for the session cookie, spelled out once. */
export function sessionTokenCookie(): CookieOption {
  return { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() } };
}
