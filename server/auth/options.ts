import "server-only";
// next-auth configuration: credentials (email + password, then a TOTP or recovery code when
// enrolled), JWT sessions signed with AUTH_SECRET so they survive restarts, ended on the server
// at sign-out.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { log } from "../log";
import { clientIp } from "./client-ip";
import { authRedirect } from "./auth-redirect";
import { secureCookies } from "./cookies";
import { endSession, newSessionId, userFromToken } from "./session";
import { attemptSignIn } from "./sign-in";

export const SESSION_MAX_AGE = 30 * 24 * 3600;

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
    logger: {
      // An ended or unreadable session is answered as "signed out"; it is not an error to log.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") return;
        log.error("next-auth error", { code, err: metadata instanceof Error ? metadata : undefined });
      },
      warn(code) {
        log.warn("next-auth warning", { code });
      },
      debug() {},
    },
    events: {
      // Sign-out ends the session on the server too, not only the browser's cookie.
      async signOut({ token }) {
        await endSession(token);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
          token.sid = newSessionId();
          return token;
        }
        // /api/auth/session re-issues the token: never for one that was signed out or outdated.
        // Throwing makes next-auth clear the cookie and answer an empty session.
        if (!(await userFromToken(token))) throw new Error("session ended");
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
