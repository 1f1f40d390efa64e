import { z } from "zod";
import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { unsubscribeHook } from "@/server/sync/webhooks-out";

// DELETE /api/w/[slug]/senar/webhooks/[id]: unsubscribe at Senar (if it can) and revoke the hook URL (admins).
export const DELETE = route(
  { auth: workspaceAuth("ADMIN"), params: z.object({ slug: z.string(), id: z.string().min(1).max(64) }) },
  async ({ auth, params }) => unsubscribeHook(auth.workspace.id, params.id, { user: auth.user }),
);
