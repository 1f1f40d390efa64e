import "server-only";
// Reads of a workspace's own settings for the settings pages and the Studio links. The stored
// Senar password never leaves this file: pages learn only whether one is stored.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

/** The general settings the member context does not carry already (name, zone and pass mark do). */
export async function generalSettings({ workspaceId }: WorkspaceScope): Promise<{ syncIntervalMinutes: number | null; defaultLocale: string }> {
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { syncIntervalMinutes: true, defaultLocale: true } });
}

export type ConnectionSettings = {
  senarBaseUrl: string | null;
  senarUsername: string | null;
  hasPassword: boolean;
  connectionOkAt: Date | null;
  connectionError: string | null;
  connectionErrorAt: Date | null;
};

export async function connectionSettings({ workspaceId }: WorkspaceScope): Promise<ConnectionSettings> {
  const { senarPasswordEnc, ...ws } = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { senarBaseUrl: true, senarUsername: true, senarPasswordEnc: true, connectionOkAt: true, connectionError: true, connectionErrorAt: true },
  });
  return { ...ws, hasPassword: senarPasswordEnc !== null };
}

/** Where the workspace's Senar Studio lives (its Senar base URL), for the "edit in Studio" links. */
export async function studioUrl({ workspaceId }: WorkspaceScope): Promise<string> {
  const ws = await db.workspace.findUnique({ where: { id: workspaceId }, select: { senarBaseUrl: true } });
  return ws?.senarBaseUrl ?? env().SENAR_BASE_URL;
}
