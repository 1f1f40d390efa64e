import "server-only";
// The ops CLI's commands, one line each; add a command by adding its file and a line here.
import type { CliCommand } from "../types";
import { apikeyCreate } from "./apikey-create";
import { keysRotate } from "./keys-rotate";
import { memberAdd } from "./member-add";
import { sync } from "./sync";
import { userCreate } from "./user-create";
import { webhooksRegister } from "./webhooks-register";
import { workspaceCreate } from "./workspace-create";

export const commands: CliCommand[] = [
  apikeyCreate,
  userCreate,
  workspaceCreate,
  memberAdd,
  keysRotate,
  sync,
  webhooksRegister,
];
