import "server-only";
// Commands for the workspace's API keys (admins). The plain key is returned once, to the caller
// that created it, and never stored or audited.
import { z } from "zod";
import { createApiKey as createKeyRow, parseExpiry, revokeApiKey as revokeKeyRow } from "../api/keys";
import { audit } from "../audit";
import { defineCommand } from "./command";
import { idField, text } from "./inputs";

export const createApiKey = defineCommand({
  role: "ADMIN",
  input: z.object({ name: text, expires: z.string().optional() }),
  run: async (ctx, input) => {
    const expiresAt = parseExpiry(input.expires ?? null);
    const { key, apiKey } = await createKeyRow({ workspaceId: ctx.workspace.id, name: input.name, createdById: ctx.user.id, expiresAt });
    await audit({ workspaceId: ctx.workspace.id, actor: ctx.user, action: "api_key.created", target: apiKey.name, details: { id: apiKey.id, prefix: apiKey.prefix, expiresAt } });
    return { key, name: apiKey.name };
  },
});

export const revokeApiKey = defineCommand({
  role: "ADMIN",
  input: z.object({ id: idField("key") }),
  run: async (ctx, input) => {
    const k = await revokeKeyRow(ctx.workspace.id, input.id);
    await audit({ workspaceId: ctx.workspace.id, actor: ctx.user, action: "api_key.revoked", target: k.name, details: { id: k.id, prefix: k.prefix } });
    return { name: k.name };
  },
});
