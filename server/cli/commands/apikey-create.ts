import "server-only";
import { createApiKey } from "../../api/keys";
import { audit } from "../../audit";
import { need, workspaceFlag, onlyFlags } from "../args";
import type { CliCommand } from "../types";

const usage = "apikey:create --workspace SLUG --name NAME";

export const apikeyCreate: CliCommand = {
  name: "apikey:create",
  summary: "Create an API key for a workspace and print it (shown this once only).",
  usage,
  async run(args, io) {
    onlyFlags(args, ["workspace", "name"], usage);
    const ws = await workspaceFlag(args, usage);
    const { key, apiKey } = await createApiKey({ workspaceId: ws.id, name: need(args, "name", usage), createdById: null });
    await audit({ workspaceId: ws.id, actor: null, actorLabel: "cli", action: "api_key.created", target: apiKey.name, details: { id: apiKey.id, prefix: apiKey.prefix } });
    io.result(`${key}\n(API key "${apiKey.name}" for ${ws.slug}; it is shown this once only: store it now.)`, { workspace: ws.slug, name: apiKey.name, id: apiKey.id, prefix: apiKey.prefix, key });
  },
};
