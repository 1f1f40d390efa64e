import { workspaceAuth } from "@/server/auth/guards";
import { refreshUsers } from "@/server/commands/senar-users";
import { route } from "@/server/http/route";

// POST /api/w/[slug]/senar/refresh: fetch the (small) Senar users list now and upsert it (admins).
// Activities are refreshed by a full sync (POST /api/w/[slug]/sync), which is resumable.
export const POST = route({ auth: workspaceAuth(refreshUsers.role), body: refreshUsers.input }, async ({ auth, body }) => refreshUsers(auth, body));
