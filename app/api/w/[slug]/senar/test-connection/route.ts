// POST /api/w/[slug]/senar/test-connection — logs in to Senar with the stored settings (admins).
// Kept for scripts, e2e and the bench; the settings page's button runs the same command.
import { workspaceAuth } from "@/server/auth/guards";
import { testConnection } from "@/server/commands/connection";
import { route } from "@/server/http/route";

export const POST = route({ auth: workspaceAuth(testConnection.role) }, async ({ auth }) => testConnection(auth, undefined));
