import "server-only";
// Authorization for pages, server actions and route handlers: session → enabled membership →
// role. Another workspace (or a disabled membership) answers 404, so existence never leaks.
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { roleAtLeast } from "./roles";
import { requestUser, sessionUser } from "./session-reader";
import { mintScope, type WorkspaceScope } from "./scope";
import type { Role, SessionUser } from "./auth-types";

// Re-exported so callers keep one import for the guards and the shapes they return.
export type { Role, SessionUser } from "./auth-types";
export type MemberContext = {
  user: SessionUser;
  workspace: { id: string; slug: string; name: string; timeZone: string; passMark: number };
  role: Role;
  /** The only way to a workspace's data: data functions take this, never a bare id. */
  scope: WorkspaceScope;
};

/** The signed-in user, or null; cached per request. */
export const currentUser = cache(sessionUser);

/** Pages and actions: the signed-in user, or a redirect to /signin. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

async function membership(userId: string, slug: string): Promise<Omit<MemberContext, "user"> | null> {
  // Action arguments arrive from the browser untyped: a missing slug must not become "no filter".
  if (typeof slug !== "string" || !/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  const m = await db.membership.findFirst({
    where: { userId, disabledAt: null, workspace: { slug } },
    select: {
      role: true,
      workspace: { select: { id: true, slug: true, name: true, timeZone: true, passMark: true } },
    },
  });
  return m ? { role: m.role, workspace: m.workspace, scope: mintScope(m.workspace) } : null;
}

/** Pages and actions: an enabled member with at least `minRole`; 404 otherwise, 403 when the role is too low. */
export async function requireMember(slug: string, minRole: Role = "VIEWER"): Promise<MemberContext> {
  const user = await requireUser();
  const m = await membership(user.id, slug);
  if (!m) notFound();
  if (!roleAtLeast(m.role, minRole)) forbidden();
  return { user, ...m };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** CSRF: a browser always sends Origin on a cross-site mutation; it must be ours. */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  if (!origin) {
    // No Origin: not a browser form/fetch (curl, server-to-server); Sec-Fetch-Site backs it up.
    const site = req.headers.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site request refused.");
    return;
  }
  const allowed = new Set([new URL(env().APP_URL).origin, new URL(req.url).origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    allowed.add(`${proto}://${host}`);
  }
  if (!allowed.has(origin)) throw new AppError("forbidden", "Cross-site request refused.");
}

/** The signed-in user of a route request (cookie session), or null. */
export async function userFromRequest(req: Request): Promise<SessionUser | null> {
  return requestUser(req);
}

/** For route(): reads params.slug; 401 signed out, 404 not a member, 403 role too low; checks Origin on mutations. */
export function workspaceAuth(minRole: Role = "VIEWER") {
  return async (req: Request, params: Record<string, string | string[]>): Promise<MemberContext> => {
    assertSameOrigin(req);
    const user = await userFromRequest(req);
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    const slug = params.slug;
    const m = typeof slug === "string" ? await membership(user.id, slug) : null;
    if (!m) throw new AppError("not_found", "No such workspace.");
    if (!roleAtLeast(m.role, minRole)) {
      throw new AppError("forbidden", `This needs the ${minRole.toLowerCase()} role in this workspace.`);
    }
    return { user, ...m };
  };
}
