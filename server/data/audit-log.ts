import "server-only";
// Reads of the audit log for the settings page: newest first, a fixed page size.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db } from "@/server/db/client";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = { id: bigint; createdAt: Date; actorLabel: string; action: string; target: string | null; details: unknown };

/** One page (from 1) of the workspace's audit events and the total count. */
export async function auditLogPage({ workspaceId }: WorkspaceScope, page: number): Promise<{ events: AuditEntry[]; total: number }> {
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, createdAt: true, actorLabel: true, action: true, target: true, details: true },
    }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { events, total };
}
