import "server-only";
// Re-issues the current browser's session after a change that bumps sessionVersion (password,
// 2FA), so the person making the change stays signed in while every other session ends.
// next-auth has no server-side call for this; it is next-auth's encode with authOptions' secret,
// lifetime and session cookie, carrying the same claims the jwt callback gives a new sign-in.
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "../env";
import { sessionTokenCookie } from "./cookies";
import type { SessionUser } from "./auth-types";
import { SESSION_MAX_AGE } from "./options";
import { sessionClaims } from "./session";

export async function issueSession(user: SessionUser, sessionVersion: number): Promise<void> {
  const token = await encode({ secret: env().AUTH_SECRET, maxAge: SESSION_MAX_AGE, token: sessionClaims(user, sessionVersion) });
  const { name, options } = sessionTokenCookie();
  (await cookies()).set(name, token, { ...options, maxAge: SESSION_MAX_AGE });
}
