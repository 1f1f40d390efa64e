import "server-only";
import { kindTotal } from "../../sync/counts";
import { runSyncToEnd } from "../../sync/run-sync";
import { onlyFlags, workspaceFlag } from "../args";
import type { CliCommand } from "../types";

const usage = "sync --workspace SLUG";

export const sync: CliCommand = {
  name: "sync",
  summary: "Run a full sync of a workspace from Senar (resuming an interrupted one) and print the counts.",
  usage,
  async run(args, io) {
    onlyFlags(args, ["workspace"], usage);
    const ws = await workspaceFlag(args, usage);
    const started = Date.now();
    const r = await runSyncToEnd(ws.id, { trigger: "cli" });
    const c = r.counts;
    const line = (name: string, k: typeof c.users) =>
      `${name}: ${kindTotal(k)} (new ${k.new}, updated ${k.updated}, unchanged ${k.unchanged}, invalid ${k.invalid})`;
    const human = [
      `Sync ${r.status.toLowerCase()} in ${((Date.now() - started) / 1000).toFixed(1)} s${r.error ? `: ${r.error}` : ""}`,
      line("Users", c.users),
      line("Activities", c.activities),
      `No longer at Senar: ${c.missing}`,
    ].join("\n");
    io.result(
      human,
      { runId: r.runId, status: r.status, counts: c },
      r.status === "FAILED" ? { code: "sync_failed", message: r.error ?? "The sync failed." } : undefined,
    );
  },
};
