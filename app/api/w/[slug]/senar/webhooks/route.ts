import { workspaceAuth } from "@/server/auth/guards";
import { registerWebhooks } from "@/server/commands/webhooks";
import { route } from "@/server/http/route";

// POST /api/w/[slug]/senar/webhooks: register the user and activity webhooks with Senar (admins).
export const POST = route({ auth: workspaceAuth(registerWebhooks.role) }, async ({ auth }) => {
  const hooks = await registerWebhooks(auth, undefined);
  return Response.json({ hooks }, { status: 201 });
});
