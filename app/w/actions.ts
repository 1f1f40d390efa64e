"use server";
// Any signed-in person may create a workspace; they become its owner (server/commands/workspace-settings).
import { redirect } from "next/navigation";
import { actionResult, type ActionState } from "@/server/auth/action-result";
import { requireUser } from "@/server/auth/guards";
import { formFields } from "@/server/commands/action";
import { createWorkspace } from "@/server/commands/workspace-settings";

export async function createWorkspaceAction(_prev: ActionState, data: FormData): Promise<ActionState> {
  let slug = "";
  const r = await actionResult(async () => {
    const input = formFields(data);
    slug = (await createWorkspace(await requireUser(), input)).slug;
    return "Created.";
  });
  if (r?.ok) redirect(`/w/${slug}/settings/connection`);
  return r;
}
