import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { addSenarUser } from "@/server/senar-users/add-user";
import { idempotencyKeyFrom } from "@/server/senar-users/idempotency";
import { addUserStatus } from "@/lib/add-user-result";
import { addUserSchema } from "@/lib/user-assign";

export const dynamic = "force-dynamic";

// POST /api/w/[slug]/senar/user-assign: the "Add user" form's proxy to Senar's user_assign (admins),
// one call per collection with the stored token; 201, or 207 when some collections failed.
export const POST = route({ auth: workspaceAuth("ADMIN"), body: addUserSchema }, async ({ req, auth, body }) => {
  const result = await addSenarUser(auth.workspace.id, body, { user: auth.user, label: auth.user.email }, idempotencyKeyFrom(req));
  return Response.json(result, { status: addUserStatus(result) });
});
