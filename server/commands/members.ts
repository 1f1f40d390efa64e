import "server-only";
// Commands of the members page (owners): invites and memberships. The one-owner rule, its row
// lock and the audit entries stay in server/workspaces/{members,invites}.ts, which the CLI shares.
import { z } from "zod";
import { createInvite as createInviteRow, revokeInvite as revokeInviteRow } from "../workspaces/invites";
import { changeRole as changeRoleRow, removeMember as removeMemberRow, setMemberDisabled } from "../workspaces/members";
import { roleSchema } from "../workspaces/validation";
import { defineCommand } from "./command";
import { idField, text } from "./inputs";

/** Forms send the role in any case; the refusal names the choices. */
const role = z.preprocess((v) => String(v ?? "").toUpperCase(), z.enum(roleSchema.options, { message: "Choose owner, admin or viewer." }));
const member = idField("member");

export const createInvite = defineCommand({
  role: "OWNER",
  input: z.object({ role, email: text }),
  run: async (ctx, input) => createInviteRow(ctx.workspace.id, input, { user: ctx.user }),
});

export const changeRole = defineCommand({
  role: "OWNER",
  input: z.object({ userId: member, role }),
  run: async (ctx, input) => changeRoleRow(ctx.workspace.id, input.userId, input.role, { user: ctx.user }),
});

export const setDisabled = defineCommand({
  role: "OWNER",
  input: z.object({ userId: member, disable: z.boolean({ message: "This request was malformed; nothing was changed." }) }),
  run: async (ctx, input) => setMemberDisabled(ctx.workspace.id, input.userId, input.disable, { user: ctx.user }),
});

export const removeMember = defineCommand({
  role: "OWNER",
  input: z.object({ userId: member }),
  run: async (ctx, input) => removeMemberRow(ctx.workspace.id, input.userId, { user: ctx.user }),
});

export const revokeInvite = defineCommand({
  role: "OWNER",
  input: z.object({ inviteId: idField("invite") }),
  run: async (ctx, input) => revokeInviteRow(ctx.workspace.id, input.inviteId, { user: ctx.user }),
});
