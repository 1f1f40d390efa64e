import "server-only";
// Where the session lives: the cookie name depends on whether cookies are Secure, which follows
// APP_URL (https in production), so next-auth and our own token reader agree on it.
import { env } from "../env";

export function secureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** Parses a Cookie header into name → value (first occurrence wins). */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, decodeURIComponent(part.slice(i + 1).trim()));
  }
  return out;
}
