import "server-only";
// next-auth configuration: credentials (email + password, then a TOTP or recovery code when
// enrolled), JWT sessions signed with AUTH_SECRET so they survive restarts, ended on the server
// at sign-out. A refused attempt throws its code as the Error message: next-auth hands it to the
// client as `error` (in the answer's url), which the sign-in form turns into a sentence.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { log } from "../log";
import { clientIp } from "./client-ip";
import { authRedirect } from "./auth-redirect";
import { secureCookies, sessionTokenCookie } from "./cookies";
import { endSession, sessionClaims, userFromToken } from "./session";
import { attemptSignIn } from "./sign-in";

export const SESSION_MAX_AGE = 30 * 24 * 3600;

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    useSecureCookies: secureCookies(),
    cookies: { sessionToken: sessionTokenCookie() },
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
          // "throttled:<seconds>" carries the wait to the form's message.
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
        if (user) return { ...token, ...sessionClaims({ id: user.id, email: user.email ?? "", name: user.name ?? null }, user.sessionVersion ?? 0) };
        // Every read (getServerSession, /api/auth/session) comes here: never answer for a token
        // that was signed out or outdated. Throwing makes next-auth answer no session (and clear
        // the cookie where it can). The name and email are the user row's, not sign-in time's.
        const current = await userFromToken(token);
        if (!current) throw new Error("session ended");
        return { ...token, email: current.email, name: current.name, locale: current.locale ?? null };
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, locale: token.locale ?? null };
      },
      redirect: authRedirect,
    },
  };
}
