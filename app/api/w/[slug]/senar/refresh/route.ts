import { z } from "zod";
import { audit } from "@/server/audit";
import { workspaceAuth } from "@/server/auth/guards";
import { db } from "@/server/db/client";
import { route } from "@/server/http/route";
import { SenarError, toAppError } from "@/server/senar/senar-client";
import { senarFor } from "@/server/senar/for-workspace";
import { saveInvalid } from "@/server/sync/invalid";
import { upsertUsers } from "@/server/sync/upsert-users";

// POST /api/w/[slug]/senar/refresh: fetch the (small) Senar users list now and upsert it (admins).
// Activities are refreshed by a full sync (POST /api/w/[slug]/sync), which is resumable.
export const POST = route({ auth: workspaceAuth("ADMIN"), body: z.object({ list: z.literal("users") }) }, async ({ auth }) => {
  const ws = auth.workspace.id;
  const senar = await senarFor(ws);
  const sourceAt = new Date();
  let fetched;
  try {
    fetched = await senar.users();
  } catch (err) {
    throw err instanceof SenarError ? toAppError(err) : err;
  }
  const counts = await upsertUsers(db, ws, fetched.records, { source: "sync", sourceAt });
  await saveInvalid(db, ws, "user", fetched.refused, { source: "sync" });
  await audit({ workspaceId: ws, actor: auth.user, action: "senar.refresh", target: "users", details: { ...counts, invalid: fetched.refused.length } });
  return { list: "users", ...counts, invalid: fetched.refused.length };
});
