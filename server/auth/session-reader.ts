import "server-only";
// Who is signed in, read through next-auth's documented API only: getServerSession in pages and
// server actions (it reads cookies() and runs the jwt callback, which re-checks the user row),
// getToken in route handlers (which get the request, and may be called outside Next in tests).
// Both use authOptions' secret and session cookie, so they read what next-auth wrote.
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { env } from "../env";
import { sessionCookieName } from "./cookies";
import type { SessionUser } from "./auth-types";
import { authOptions } from "./options";
import { userFromToken } from "./session";

/** Pages and server actions: the signed-in user, or null. */
export async function sessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const email = session?.user?.email;
  if (!session?.uid || !email) return null;
  return { id: session.uid, email, name: session.user?.name ?? null, locale: session.locale ?? null };
}

/** Route handlers: the signed-in user of the request's session cookie, or null. */
export async function requestUser(req: Request): Promise<SessionUser | null> {
  // getToken reads a NextRequest's cookies (Next's parser, which skips a value it cannot
  // percent-decode); a copy without the body leaves the route's body unread.
  let token;
  try {
    const next = req instanceof NextRequest ? req : new NextRequest(req.url, { headers: req.headers });
    token = await getToken({ req: next, secret: env().AUTH_SECRET, cookieName: sessionCookieName() });
  } catch {
    return null; // unreadable Cookie header: no session
  }
  return userFromToken(token);
}
