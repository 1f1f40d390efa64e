import "server-only";
import { db } from "../../db/client";
import { AppError } from "../../http/errors";
import { registerHooks } from "../../sync/webhooks-out";
import { need, onlyFlags } from "../args";
import type { CliCommand } from "../types";

const usage = "webhooks:register --workspace SLUG";

export const webhooksRegister: CliCommand = {
  name: "webhooks:register",
  summary: "Register the workspace's user and activity webhooks with Senar (hook URL from APP_URL).",
  usage,
  async run(args, io) {
    onlyFlags(args, ["workspace"], usage);
    const slug = need(args, "workspace", usage);
    const ws = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (!ws) throw new AppError("not_found", `No workspace with the slug ${slug}.`);
    const hooks = await registerHooks(ws.id, { user: null, label: "cli" });
    io.result(hooks.map((h) => `Registered the ${h.method} webhook: Senar id ${h.senarHookId}`).join("\n"), hooks);
  },
};
