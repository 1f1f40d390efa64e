import "server-only";
// Commands of the general settings page: settings (admins) and deleting the workspace (owners).
// The rules and audit entries stay in server/workspaces/workspaces.ts, which the CLI shares.
import { z } from "zod";
import { type SessionUser } from "../auth/guards";
import { afterSettingsChange } from "../workspaces/after-settings";
import { createWorkspace as createWorkspaceRow, deleteWorkspace as deleteWorkspaceRow, updateGeneral } from "../workspaces/workspaces";
import { defineCommand, parseInput } from "./command";
import { text } from "./inputs";

/** The fields are checked (with their own messages) by updateGeneral's generalSettings. */
export const saveGeneralSettings = defineCommand({
  role: "ADMIN",
  input: z.object({ name: text, timeZone: text, passMarkPct: text, syncIntervalMinutes: text, defaultLocale: z.string().optional() }),
  run: async (ctx, input) => {
    const r = await updateGeneral(ctx.workspace.id, input, { user: ctx.user });
    const rebuilt = r.rollupsStale ? await afterSettingsChange(ctx.workspace.id) : false;
    return { changed: r.changed, rebuilt };
  },
});

export const deleteWorkspace = defineCommand({
  role: "OWNER",
  input: z.object({ confirmName: text }),
  run: async (ctx, input) => deleteWorkspaceRow(ctx.workspace.id, input.confirmName),
});

/** Any signed-in person may create a workspace (no member context yet); they become its owner. */
export async function createWorkspace(user: SessionUser, raw: unknown): Promise<{ slug: string }> {
  const input = parseInput(z.object({ name: text }), raw);
  const ws = await createWorkspaceRow({ name: input.name, ownerId: user.id }, { user });
  return { slug: ws.slug };
}
