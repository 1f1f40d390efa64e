"use server";
// Server actions of the general settings page: adapters over server/commands/workspace-settings.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState } from "@/server/auth/action-result";
import { commandAction, formFields } from "@/server/commands/action";
import { deleteWorkspace, saveGeneralSettings } from "@/server/commands/workspace-settings";

export async function saveGeneral(slug: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  const { state } = await commandAction(slug, saveGeneralSettings, () => formFields(data), (r) => {
    revalidatePath(`/w/${slug}`, "layout");
    return r.changed.length === 0 ? "Nothing changed." : r.rebuilt ? "Saved. Reports were recalculated for the new settings." : "Saved.";
  });
  return state;
}

export async function removeWorkspace(slug: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  const { state } = await commandAction(slug, deleteWorkspace, () => formFields(data), () => "Deleted.");
  if (state?.ok) redirect("/w");
  return state;
}
