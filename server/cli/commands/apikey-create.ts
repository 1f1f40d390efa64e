import "server-only";
// apikey:create: a key for scripts and BI tools, optionally expiring (--expires 90d | 2027-03-31).
import { createApiKey, parseExpiry } from "../../api/keys";
import { audit } from "../../audit";
import { need, onlyFlags, optional, workspaceFlag } from "../args";
import type { CliCommand } from "../types";

const usage = "apikey:create --workspace SLUG --name NAME [--expires 90d|YYYY-MM-DD|never]";

export const apikeyCreate: CliCommand = {
  name: "apikey:create",
  summary: "Create an API key for a workspace and print it (shown this once only).",
  usage,
  async run(args, io) {
    onlyFlags(args, ["workspace", "name", "expires"], usage);
    const expiresAt = parseExpiry(optional(args, "expires"));
    const ws = await workspaceFlag(args, usage);
    const { key, apiKey } = await createApiKey({ workspaceId: ws.id, name: need(args, "name", usage), createdById: null, expiresAt });
    const until = expiresAt ? `expires ${expiresAt.toISOString()}` : "does not expire";
    await audit({ workspaceId: ws.id, actor: null, actorLabel: "cli", action: "api_key.created", target: apiKey.name, details: { id: apiKey.id, prefix: apiKey.prefix, expiresAt } });
    io.result(`${key}\n(API key "${apiKey.name}" for ${ws.slug}, ${until}; it is shown this once only: store it now.)`, {
      workspace: ws.slug, name: apiKey.name, id: apiKey.id, prefix: apiKey.prefix, key, expiresAt: expiresAt?.toISOString() ?? null,
    });
  },
};
