// POST /api/w/[slug]/senar/test-connection — logs in to Senar with the stored settings (admins).
import { audit } from "@/server/audit";
import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { testConnection } from "@/server/senar/for-workspace";

export const POST = route({ auth: workspaceAuth("ADMIN") }, async ({ auth }) => {
  const outcome = await testConnection(auth.workspace.id);
  await audit({ workspaceId: auth.workspace.id, actor: auth.user, action: "connection.tested", details: { ok: outcome.ok } });
  return outcome;
});
