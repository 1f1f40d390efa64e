import "server-only";
// Reads of who belongs to a workspace for the members page: memberships and pending invites.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db } from "@/server/db/client";

/** Owners first, then by when they joined. */
export async function listMembers({ workspaceId }: WorkspaceScope) {
  return db.membership.findMany({
    where: { workspaceId },
    select: { role: true, disabledAt: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

/** Invites not yet accepted and not expired, newest first. */
export async function pendingInvites({ workspaceId }: WorkspaceScope) {
  return db.invite.findMany({
    where: { workspaceId, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, email: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
