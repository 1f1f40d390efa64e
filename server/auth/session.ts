import "server-only";
// The server's half of a session, which a stateless next-auth JWT cannot do alone. The JWT only
// says who signed in, with which session version and which session id; every read re-checks the
// user row, so a password or 2FA change (which bumps sessionVersion) ends older sessions at once,
// and a sign-out (which records the session id as revoked) ends that one session on the server,
// not just in the browser. next-auth calls these from authOptions' callbacks and events.
import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { db } from "../db/client";
import type { SessionUser } from "./auth-types";

/** The claims of a new session (sign-in, or a re-issue after a password change); the session id stays the same when next-auth re-issues the token. */
export function sessionClaims(user: SessionUser, sessionVersion: number): JWT {
  return { sub: user.id, email: user.email, name: user.name, uid: user.id, sv: sessionVersion, sid: randomUUID() };
}

/** The user a decoded token still speaks for, or null (unknown user, stale version, signed out). */
export async function userFromToken(payload: JWT | null): Promise<SessionUser | null> {
  const uid = typeof payload?.uid === "string" ? payload.uid : null;
  const sv = typeof payload?.sv === "number" ? payload.sv : null;
  if (!uid || sv === null) return null;
  const sid = typeof payload?.sid === "string" ? payload.sid : null;
  const [user, revoked] = await Promise.all([
    db.user.findUnique({ where: { id: uid }, select: { id: true, email: true, name: true, locale: true, sessionVersion: true } }),
    sid ? db.revokedSession.findUnique({ where: { sid }, select: { sid: true } }) : null,
  ]);
  if (!user || user.sessionVersion !== sv || revoked) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/**
 * Sign-out: the token's session id is kept as revoked until the token would have expired.
 * A token from before session ids existed ends every session of its user instead.
 */
export async function endSession(payload: JWT | null): Promise<void> {
  const uid = typeof payload?.uid === "string" ? payload.uid : null;
  if (!uid) return;
  const sid = typeof payload?.sid === "string" ? payload.sid : null;
  if (!sid) {
    await db.user.updateMany({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } });
    return;
  }
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : Date.now() + 31 * 24 * 3600_000;
  await db.revokedSession.upsert({ where: { sid }, create: { sid, expiresAt: new Date(exp) }, update: {} });
  // Entries past their token's expiry protect nothing: each sign-out clears them.
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
