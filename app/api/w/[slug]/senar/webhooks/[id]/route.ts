import { z } from "zod";
import { workspaceAuth } from "@/server/auth/guards";
import { unsubscribeWebhook } from "@/server/commands/webhooks";
import { route } from "@/server/http/route";

// DELETE /api/w/[slug]/senar/webhooks/[id]: unsubscribe at Senar (if it can) and revoke the hook URL (admins).
export const DELETE = route(
  { auth: workspaceAuth(unsubscribeWebhook.role), params: z.object({ slug: z.string(), id: z.string().min(1).max(64) }) },
  async ({ auth, params }) => unsubscribeWebhook(auth, { id: params.id }),
);
