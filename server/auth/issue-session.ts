import "server-only";
// Re-issues the current browser's session after a change that bumps sessionVersion (password,
// 2FA), so the person making the change stays signed in while every other session ends.
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "../env";
import { secureCookies, sessionCookieName } from "./cookies";
import { SESSION_MAX_AGE } from "./options";
import { newSessionId } from "./session";

export async function issueSession(user: { id: string; email: string; name: string | null }, sessionVersion: number): Promise<void> {
  const token = await encode({
    secret: env().AUTH_SECRET,
    maxAge: SESSION_MAX_AGE,
    token: { sub: user.id, email: user.email, name: user.name, uid: user.id, sv: sessionVersion, sid: newSessionId() },
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE,
  });
}
