import { workspaceAuth } from "@/server/auth/guards";
import { addUser } from "@/server/commands/senar-users";
import { route } from "@/server/http/route";
import { idempotencyKeyFrom } from "@/server/senar-users/idempotency";
import { addUserStatus } from "@/lib/add-user-result";
import { addUserSchema } from "@/lib/user-assign";

export const dynamic = "force-dynamic";

// POST /api/w/[slug]/senar/user-assign: the "Add user" form's proxy to Senar's user_assign (admins),
// one call per collection with the stored token; 201, or 207 when some collections failed.
export const POST = route({ auth: workspaceAuth(addUser.role), body: addUserSchema }, async ({ req, auth, body }) => {
  const result = await addUser(auth, { user: body, idempotencyKey: idempotencyKeyFrom(req) });
  return Response.json(result, { status: addUserStatus(result) });
});
