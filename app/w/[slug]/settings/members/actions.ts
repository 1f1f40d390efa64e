"use server";
// Member and invite management: adapters over server/commands/members (owners).
import { revalidatePath } from "next/cache";
import { type ActionState } from "@/server/auth/action-result";
import { commandAction, formFields } from "@/server/commands/action";
import { changeRole, createInvite, removeMember, revokeInvite, setDisabled } from "@/server/commands/members";

export type InviteState = (ActionState & { url?: string; expiresAt?: string; mailed?: boolean }) | null;

const refresh = (slug: string) => revalidatePath(`/w/${slug}/settings/members`);

export async function inviteAction(slug: string, _prev: InviteState, data: FormData): Promise<InviteState> {
  const { state, result } = await commandAction(slug, createInvite, () => formFields(data), () => {
    refresh(slug);
    return "Invite created.";
  });
  return result ? { ...state, url: result.url, expiresAt: result.expiresAt.toISOString(), mailed: result.mailed } : state;
}

export async function roleAction(slug: string, userId: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  const { state } = await commandAction(slug, changeRole, () => ({ ...formFields(data), userId }), (changed) => {
    refresh(slug);
    return changed ? "Role changed." : "Role unchanged.";
  });
  return state;
}

export async function toggleDisabledAction(slug: string, userId: string, disable: boolean, _prev: ActionState): Promise<ActionState> {
  const { state } = await commandAction(slug, setDisabled, () => ({ userId, disable }), () => {
    refresh(slug);
    return disable ? "Member disabled." : "Member enabled.";
  });
  return state;
}

export async function removeAction(slug: string, userId: string, _prev: ActionState): Promise<ActionState> {
  const { state } = await commandAction(slug, removeMember, () => ({ userId }), ({ apiKeysRevoked }) => {
    refresh(slug);
    const n = apiKeysRevoked.length;
    return n === 0 ? "Member removed." : `Member removed; the ${n === 1 ? "API key" : `${n} API keys`} they created ${n === 1 ? "was" : "were"} revoked.`;
  });
  return state;
}

export async function revokeInviteAction(slug: string, inviteId: string, _prev: ActionState): Promise<ActionState> {
  const { state } = await commandAction(slug, revokeInvite, () => ({ inviteId }), () => {
    refresh(slug);
    return "Invite revoked.";
  });
  return state;
}
