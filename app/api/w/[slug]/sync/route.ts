import { after } from "next/server";
import { workspaceAuth } from "@/server/auth/guards";
import { startQueuedSync, syncNow } from "@/server/commands/sync";
import { route } from "@/server/http/route";

export const maxDuration = 60;

// POST /api/w/[slug]/sync: "Sync now" (admins): queues a full sync and starts it after answering.
export const POST = route({ auth: workspaceAuth(syncNow.role) }, async ({ auth }) => {
  const answer = await syncNow(auth, undefined);
  after(() => startQueuedSync(auth.workspace.id));
  return Response.json(answer, { status: 202 });
});
