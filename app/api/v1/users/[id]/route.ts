import { z } from "zod";
import { apiAuth } from "@/server/api/auth";
import { workspaceParam } from "@/server/api/paging";
import { idParams } from "@/server/api/schemas";
import { AppError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { getSenarUser } from "@/server/data/senar-user-directory";

export const dynamic = "force-dynamic";

// GET /api/v1/users/{id}: one Senar user of the caller's workspace (404 for any other).
export const GET = route({ auth: apiAuth(), params: idParams, query: z.strictObject(workspaceParam) }, async ({ auth, params }) => {
  const user = await getSenarUser(auth.scope, params.id);
  if (!user) throw new AppError("not_found", "No such Senar user in this workspace.");
  return user;
});
