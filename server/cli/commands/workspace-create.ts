import "server-only";
import { db } from "../../db/client";
import { AppError } from "../../http/errors";
import { createWorkspace } from "../../workspaces/workspaces";
import { need, onlyFlags, optional } from "../args";
import { CliUsageError, type CliCommand } from "../types";

const usage = "workspace:create --name N --owner E [--senar-url U --senar-username X --senar-password Y]";

export const workspaceCreate: CliCommand = {
  name: "workspace:create",
  summary: "Create a workspace owned by an existing account (prints its slug).",
  usage,
  async run(args, io) {
    onlyFlags(args, ["name", "owner", "senar-url", "senar-username", "senar-password"], usage);
    const name = need(args, "name", usage);
    const ownerEmail = need(args, "owner", usage).trim().toLowerCase();
    const username = optional(args, "senar-username");
    const password = optional(args, "senar-password");
    const url = optional(args, "senar-url");
    if ((username === undefined) !== (password === undefined) || (url !== undefined && username === undefined)) {
      throw new CliUsageError(`Give --senar-username and --senar-password together (and --senar-url only with them).\nUsage: ${usage}`);
    }
    const owner = await db.user.findUnique({ where: { email: ownerEmail }, select: { id: true, email: true, name: true } });
    if (!owner) throw new AppError("not_found", `No account with the email ${ownerEmail}. Create it first: npm run cli -- user:create --email ${ownerEmail} --password …`);
    const ws = await createWorkspace(
      { name, ownerId: owner.id, senar: username && password ? { baseUrl: url, username, password } : undefined },
      { user: null, label: "cli" },
    );
    io.result(ws.slug, { id: ws.id, slug: ws.slug, name: ws.name, owner: owner.email, senarConnection: Boolean(username) });
  },
};
