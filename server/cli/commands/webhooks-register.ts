import "server-only";
import { registerHooks } from "../../sync/webhooks-out";
import { onlyFlags, workspaceFlag } from "../args";
import type { CliCommand } from "../types";

const usage = "webhooks:register --workspace SLUG";

export const webhooksRegister: CliCommand = {
  name: "webhooks:register",
  summary: "Register the workspace's user and activity webhooks with Senar (hook URL from APP_URL).",
  usage,
  async run(args, io) {
    onlyFlags(args, ["workspace"], usage);
    const ws = await workspaceFlag(args, usage);
    const hooks = await registerHooks(ws.id, { user: null, label: "cli" });
    io.result(hooks.map((h) => `Registered the ${h.method} webhook: Senar id ${h.senarHookId}`).join("\n"), { workspace: ws.slug, hooks });
  },
};
