import "server-only";
// Commands on the Senar users (admins): refresh the cached list now, and "Add user" (Senar's
// user_assign, one call per collection, idempotent by key; see server/senar-users/add-user.ts).
import { z } from "zod";
import { addUserSchema } from "@/lib/user-assign";
import { audit } from "../audit";
import { db } from "../db/client";
import { addSenarUser } from "../senar-users/add-user";
import { senarFor } from "../senar/for-workspace";
import { saveInvalid } from "../sync/invalid";
import { upsertUsers } from "../sync/upsert-users";
import { defineCommand } from "./command";

/** The users list is small, so it is fetched whole; activities come by a (resumable) sync. */
export const refreshUsers = defineCommand({
  role: "ADMIN",
  input: z.object({ list: z.literal("users") }),
  run: async (ctx) => {
    const ws = ctx.workspace.id;
    const senar = await senarFor(ws);
    const sourceAt = new Date();
    // A SenarError leaves through the one error table (server/http/problem.ts).
    const fetched = await senar.users();
    const counts = await upsertUsers(db, ws, fetched.records, { source: "sync", sourceAt });
    await saveInvalid(db, ws, "user", fetched.refused, { source: "sync" });
    await audit({ workspaceId: ws, actor: ctx.user, action: "senar.refresh", target: "users", details: { ...counts, invalid: fetched.refused.length } });
    return { list: "users" as const, ...counts, invalid: fetched.refused.length };
  },
});

export const addUser = defineCommand({
  role: "ADMIN",
  input: z.object({ user: addUserSchema, idempotencyKey: z.string().nullish() }),
  run: async (ctx, input) => addSenarUser(ctx.workspace.id, input.user, { user: ctx.user, label: ctx.user.email }, input.idempotencyKey),
});
