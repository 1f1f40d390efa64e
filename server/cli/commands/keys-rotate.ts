import "server-only";
import { rotateSecrets } from "../../auth/rotate-keys";
import { db } from "../../db/client";
import { onlyFlags } from "../args";
import type { CliCommand } from "../types";

const usage = "keys:rotate   (after setting the new ENCRYPTION_KEY and moving the old one to ENCRYPTION_KEY_PREVIOUS)";

export const keysRotate: CliCommand = {
  name: "keys:rotate",
  summary: "Re-encrypt every stored secret with the current ENCRYPTION_KEY.",
  usage,
  async run(args, io) {
    onlyFlags(args, [], usage);
    const r = await rotateSecrets(db);
    io.result(
      `Re-encrypted secrets of ${r.workspaces} workspace(s) and ${r.users} account(s); ${r.unchanged} already used the current key.${r.unreadable ? ` ${r.unreadable} value(s) no configured key opens were left as they are (their owners must enter them again).` : ""} ENCRYPTION_KEY_PREVIOUS can now be removed.`,
      r,
    );
  },
};
