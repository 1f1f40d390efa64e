import "server-only";
// The one scope not backed by a signed-in member or an API key: the scheduler, the CLI and the
// cron routes act for a workspace they chose themselves. Lint lets only server/sync, server/cli
// and app/api/cron import this file, so a page or a user route cannot reach around the guards.
import { db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";
import { mintScope, type WorkspaceScope } from "./scope";

export async function systemScope(workspaceId: string): Promise<WorkspaceScope> {
  const w = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, timeZone: true, passMark: true } });
  if (!w) throw new AppError("not_found", "No such workspace.");
  return mintScope(w);
}
