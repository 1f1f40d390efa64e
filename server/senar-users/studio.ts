import "server-only";
// Where the workspace's Senar Studio lives (its Senar base URL), for the "edit in Studio" links.
import { db } from "@/server/db/client";
import { env } from "@/server/env";

export async function studioUrl(workspaceId: string): Promise<string> {
  const ws = await db.workspace.findUnique({ where: { id: workspaceId }, select: { senarBaseUrl: true } });
  return ws?.senarBaseUrl ?? env().SENAR_BASE_URL;
}
