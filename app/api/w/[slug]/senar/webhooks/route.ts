import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { registerHooks } from "@/server/sync/webhooks-out";

// POST /api/w/[slug]/senar/webhooks: register the user and activity webhooks with Senar (admins).
export const POST = route({ auth: workspaceAuth("ADMIN") }, async ({ auth }) => {
  const hooks = await registerHooks(auth.workspace.id, { user: auth.user });
  return Response.json({ hooks }, { status: 201 });
});
