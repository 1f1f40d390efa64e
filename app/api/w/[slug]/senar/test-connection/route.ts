// POST /api/w/[slug]/senar/test-connection — logs in to Senar with the stored settings (admins).
// The settings page's button calls the same testConnection(), which stores and audits the outcome.
import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { testConnection } from "@/server/senar/for-workspace";

export const POST = route({ auth: workspaceAuth("ADMIN") }, async ({ auth }) => testConnection(auth.workspace.id, auth.user));
