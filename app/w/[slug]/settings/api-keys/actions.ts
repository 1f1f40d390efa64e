"use server";
// API key management: adapters over server/commands/api-keys. The plain key is returned once,
// to the form that created it, and never stored.
import { revalidatePath } from "next/cache";
import { type ActionState } from "@/server/auth/action-result";
import { commandAction, formFields } from "@/server/commands/action";
import { createApiKey, revokeApiKey } from "@/server/commands/api-keys";

export type CreateKeyState = (ActionState & { key?: string; name?: string }) | null;

export async function createKeyAction(slug: string, _prev: CreateKeyState, data: FormData): Promise<CreateKeyState> {
  const { state, result } = await commandAction(slug, createApiKey, () => formFields(data), (k) => {
    revalidatePath(`/w/${slug}/settings/api-keys`);
    return `Key "${k.name}" created. Copy it now: it will not be shown again.`;
  });
  return result ? { ...state, ...result } : state;
}

export async function revokeKeyAction(slug: string, id: string, _prev: ActionState): Promise<ActionState> {
  const { state } = await commandAction(slug, revokeApiKey, () => ({ id }), (k) => {
    revalidatePath(`/w/${slug}/settings/api-keys`);
    return `Key "${k.name}" revoked.`;
  });
  return state;
}
