"use server";
// API key management (admins); each action re-authorizes from the slug. The plain key is
// returned once, to the form that created it, and never stored.
import { revalidatePath } from "next/cache";
import { actionResult, formArg, idArg, type ActionState } from "@/server/auth/action-result";
import { requireMember } from "@/server/auth/guards";
import { audit } from "@/server/audit";
import { createApiKey, parseExpiry, revokeApiKey } from "@/server/api/keys";

export type CreateKeyState = (ActionState & { key?: string; name?: string }) | null;

export async function createKeyAction(slug: string, _prev: CreateKeyState, data: FormData): Promise<CreateKeyState> {
  let created: { key: string; name: string } | undefined;
  const r = await actionResult(async () => {
    formArg(data);
    const ctx = await requireMember(slug, "ADMIN");
    const raw = data.get("expires");
    const expiresAt = parseExpiry(typeof raw === "string" ? raw : null);
    const { key, apiKey } = await createApiKey({ workspaceId: ctx.workspace.id, name: String(data.get("name") ?? ""), createdById: ctx.user.id, expiresAt });
    await audit({ workspaceId: ctx.workspace.id, actor: ctx.user, action: "api_key.created", target: apiKey.name, details: { id: apiKey.id, prefix: apiKey.prefix, expiresAt } });
    created = { key, name: apiKey.name };
    revalidatePath(`/w/${slug}/settings/api-keys`);
    return `Key "${apiKey.name}" created. Copy it now: it will not be shown again.`;
  });
  return created ? { ...r, ...created } : r;
}

export async function revokeKeyAction(slug: string, id: string, _prev: ActionState): Promise<ActionState> {
  return actionResult(async () => {
    idArg(id, "key");
    const ctx = await requireMember(slug, "ADMIN");
    const k = await revokeApiKey(ctx.workspace.id, id);
    await audit({ workspaceId: ctx.workspace.id, actor: ctx.user, action: "api_key.revoked", target: k.name, details: { id: k.id, prefix: k.prefix } });
    revalidatePath(`/w/${slug}/settings/api-keys`);
    return `Key "${k.name}" revoked.`;
  });
}
