import "server-only";
import { addMember } from "../../workspaces/members";
import { roleSchema } from "../../workspaces/validation";
import { need, workspaceFlag, onlyFlags } from "../args";
import { CliUsageError, type CliCommand } from "../types";

const usage = "member:add --workspace SLUG --email E --role owner|admin|viewer";

export const memberAdd: CliCommand = {
  name: "member:add",
  summary: "Add an existing account to a workspace with a role.",
  usage,
  async run(args, io) {
    onlyFlags(args, ["workspace", "email", "role"], usage);
    const role = roleSchema.safeParse(need(args, "role", usage).toUpperCase());
    if (!role.success) throw new CliUsageError(`--role must be owner, admin or viewer.\nUsage: ${usage}`);
    const ws = await workspaceFlag(args, usage);
    const user = await addMember(ws.id, need(args, "email", usage), role.data, { user: null, label: "cli" });
    io.result(`Added ${user.email} to ${ws.slug} as ${role.data.toLowerCase()}`, { workspace: ws.slug, email: user.email, role: role.data });
  },
};
