import { z } from "zod";
import { apiAuth } from "@/server/api/auth";
import { workspaceParam } from "@/server/api/paging";
import { usersQuery } from "@/server/api/schemas";
import { route } from "@/server/http/route";
import { addSenarUser } from "@/server/senar-users/add-user";
import { listSenarUsers } from "@/server/data/senar-user-directory";
import { idempotencyKeyFrom } from "@/server/senar-users/idempotency";
import { addUserStatus } from "@/lib/add-user-result";
import { addUserSchema } from "@/lib/user-assign";

export const dynamic = "force-dynamic";

// GET /api/v1/users: the workspace's Senar users, paged, searchable and sortable.
export const GET = route({ auth: apiAuth(), query: usersQuery }, async ({ auth, query }) => listSenarUsers(auth.scope, query));

// POST /api/v1/users: adds a Senar user to one or more collections (201, or 207 when some failed).
export const POST = route(
  { auth: apiAuth("ADMIN"), query: z.strictObject(workspaceParam), body: addUserSchema },
  async ({ req, auth, body }) => {
    const key = idempotencyKeyFrom(req);
    const result = await addSenarUser(auth.workspace.id, body, { user: auth.user, label: auth.actorLabel }, key);
    return Response.json(result, { status: addUserStatus(result) });
  },
);
