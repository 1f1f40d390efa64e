import "server-only";
import { createUser } from "../../workspaces/users";
import { need, onlyFlags, optional } from "../args";
import type { CliCommand } from "../types";

const usage = "user:create --email E --password P [--name N]";

export const userCreate: CliCommand = {
  name: "user:create",
  summary: "Create a portal account.",
  usage,
  async run(args, io) {
    onlyFlags(args, ["email", "password", "name"], usage);
    const user = await createUser({ email: need(args, "email", usage), password: need(args, "password", usage), name: optional(args, "name") });
    io.result(`Created account ${user.email}`, { id: user.id, email: user.email, name: user.name });
  },
};
