import "server-only";
// next-auth configuration: credentials (email + password, then a TOTP or recovery code when
// enrolled), JWT sessions signed with AUTH_SECRET so they survive restarts.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { authRedirect } from "./auth-redirect";
import { secureCookies } from "./cookies";
import { attemptSignIn } from "./sign-in";

export const SESSION_MAX_AGE = 30 * 24 * 3600;

/** The client IP as seen by the nearest proxy (the last X-Forwarded-For hop is the one it added). */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const hops = (get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops.at(-1) ?? get("x-real-ip") ?? "unknown";
}

/** Error strings authorize() throws; the sign-in page turns them into sentences. */
export const SIGN_IN_ERRORS = { invalid: "invalid", otpRequired: "otp_required", otpInvalid: "otp_invalid", throttled: "throttled" } as const;

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, otp: { type: "text" } },
        async authorize(credentials, req) {
          const r = await attemptSignIn({
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            otp: credentials?.otp ? String(credentials.otp) : undefined,
            ip: clientIp(req.headers),
          });
          if (!r.ok) throw new Error(r.code === "throttled" ? `throttled:${r.retryAfterSeconds}` : r.code);
          return { id: r.user.id, email: r.user.email, name: r.user.name, sessionVersion: r.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) session.user.email = session.user.email ?? null;
        return { ...session, uid: token.uid };
      },
      redirect: authRedirect,
    },
  };
}
