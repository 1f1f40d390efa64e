import "server-only";
// Turns a session cookie into the current user. The JWT only says who signed in and with which
// session version; every request re-reads the user row, so a password or 2FA change (which
// bumps sessionVersion) ends older sessions at once.
import { decode } from "next-auth/jwt";
import { db } from "../db/client";
import { env } from "../env";
import type { SessionUser } from "./guards";

export async function userFromSessionToken(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: env().AUTH_SECRET });
  } catch {
    return null; // tampered, or signed with another secret
  }
  const uid = typeof payload?.uid === "string" ? payload.uid : null;
  const sv = typeof payload?.sv === "number" ? payload.sv : null;
  if (!uid || sv === null) return null;
  const user = await db.user.findUnique({ where: { id: uid }, select: { id: true, email: true, name: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== sv) return null;
  return { id: user.id, email: user.email, name: user.name };
}
