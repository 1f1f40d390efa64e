import "server-only";
// The workspace audit log: who did what, when. Writing it never breaks the action it records
// (a failure is logged), and details must not contain secrets.
import { db } from "./db/client";
import type { Prisma } from "./db/generated/client";
import type { SessionUser } from "./auth/guards";
import { log } from "./log";

export type AuditInput = {
  workspaceId: string;
  actor: SessionUser | null;
  /** Shown instead of the actor's email, e.g. "cli", "api key Reports", "senar webhook". */
  actorLabel?: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
};

export async function audit(e: AuditInput): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        workspaceId: e.workspaceId,
        actorId: e.actor?.id ?? null,
        actorLabel: e.actorLabel ?? e.actor?.email ?? "system",
        action: e.action,
        target: e.target ?? null,
        details: e.details === undefined ? undefined : (e.details as Prisma.InputJsonValue),
      },
    });
  } catch (err) {
    log.error("audit write failed", { action: e.action, workspaceId: e.workspaceId, err });
  }
}
