"use server";
// Server actions of the general settings page; each re-authorizes from the slug.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionResult, formArg, type ActionState } from "@/server/auth/action-result";
import { requireMember } from "@/server/auth/guards";
import { afterSettingsChange } from "@/server/workspaces/after-settings";
import { deleteWorkspace, updateGeneral } from "@/server/workspaces/workspaces";

export async function saveGeneral(slug: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    formArg(data);
    const ctx = await requireMember(slug, "ADMIN");
    const r = await updateGeneral(
      ctx.workspace.id,
      {
        name: data.get("name"),
        timeZone: data.get("timeZone"),
        passMarkPct: data.get("passMarkPct"),
        syncIntervalMinutes: data.get("syncIntervalMinutes"),
        defaultLocale: data.get("defaultLocale") ?? undefined,
      },
      { user: ctx.user },
    );
    const rebuilt = r.rollupsStale ? await afterSettingsChange(ctx.workspace.id) : false;
    revalidatePath(`/w/${slug}`, "layout");
    return r.changed.length === 0 ? "Nothing changed." : rebuilt ? "Saved. Reports were recalculated for the new settings." : "Saved.";
  });
}

export async function removeWorkspace(slug: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    formArg(data);
    const ctx = await requireMember(slug, "OWNER");
    await deleteWorkspace(ctx.workspace.id, String(data.get("confirmName") ?? ""));
    return "Deleted.";
  });
  if (result?.ok) redirect("/w");
  return result;
}
