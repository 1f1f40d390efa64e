import "server-only";
// Exports are reads, but who exported what is recorded: this is the one place that writes it,
// so app/ never calls audit() itself.
import { audit } from "../audit";
import { type CommandContext } from "./command";

export async function recordExport(ctx: CommandContext, file: "activities.csv" | "matrix.csv", details: Record<string, unknown>): Promise<void> {
  await audit({ workspaceId: ctx.workspace.id, actor: ctx.user, action: "report.export", target: file, details });
}
