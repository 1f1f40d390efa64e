"use server";
// Member and invite management (owners); each action re-authorizes from the slug.
import { revalidatePath } from "next/cache";
import { actionResult, boolArg, formArg, idArg, type ActionState } from "@/server/auth/action-result";
import { requireMember } from "@/server/auth/guards";
import { AppError } from "@/server/http/errors";
import { createInvite, revokeInvite } from "@/server/workspaces/invites";
import { changeRole, removeMember, setMemberDisabled } from "@/server/workspaces/members";
import { roleSchema } from "@/server/workspaces/validation";

function role(value: FormDataEntryValue | null) {
  const r = roleSchema.safeParse(String(value ?? "").toUpperCase());
  if (!r.success) throw new AppError("invalid_input", "Choose owner, admin or viewer.");
  return r.data;
}

export type InviteState = (ActionState & { url?: string; expiresAt?: string; mailed?: boolean }) | null;

export async function inviteAction(slug: string, _prev: InviteState, data: FormData): Promise<InviteState> {
  let out: { url: string; expiresAt: Date; mailed: boolean } | undefined;
  const r = await actionResult(async () => {
    formArg(data);
    const ctx = await requireMember(slug, "OWNER");
    out = await createInvite(ctx.workspace.id, { role: role(data.get("role")), email: String(data.get("email") ?? "") }, { user: ctx.user });
    revalidatePath(`/w/${slug}/settings/members`);
    return "Invite created.";
  });
  return out ? { ...r, url: out.url, expiresAt: out.expiresAt.toISOString(), mailed: out.mailed } : r;
}

export async function roleAction(slug: string, userId: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    idArg(userId, "member");
    formArg(data);
    const ctx = await requireMember(slug, "OWNER");
    const changed = await changeRole(ctx.workspace.id, userId, role(data.get("role")), { user: ctx.user });
    revalidatePath(`/w/${slug}/settings/members`);
    return changed ? "Role changed." : "Role unchanged.";
  });
}

export async function toggleDisabledAction(slug: string, userId: string, disable: boolean, _prev: ActionState): Promise<ActionState> {
  return actionResult(async () => {
    idArg(userId, "member");
    boolArg(disable);
    const ctx = await requireMember(slug, "OWNER");
    await setMemberDisabled(ctx.workspace.id, userId, disable, { user: ctx.user });
    revalidatePath(`/w/${slug}/settings/members`);
    return disable ? "Member disabled." : "Member enabled.";
  });
}

export async function removeAction(slug: string, userId: string, _prev: ActionState): Promise<ActionState> {
  return actionResult(async () => {
    idArg(userId, "member");
    const ctx = await requireMember(slug, "OWNER");
    const { apiKeysRevoked } = await removeMember(ctx.workspace.id, userId, { user: ctx.user });
    revalidatePath(`/w/${slug}/settings/members`);
    const n = apiKeysRevoked.length;
    return n === 0 ? "Member removed." : `Member removed; the ${n === 1 ? "API key" : `${n} API keys`} they created ${n === 1 ? "was" : "were"} revoked.`;
  });
}

export async function revokeInviteAction(slug: string, inviteId: string, _prev: ActionState): Promise<ActionState> {
  return actionResult(async () => {
    idArg(inviteId, "invite");
    const ctx = await requireMember(slug, "OWNER");
    await revokeInvite(ctx.workspace.id, inviteId, { user: ctx.user });
    revalidatePath(`/w/${slug}/settings/members`);
    return "Invite revoked.";
  });
}
