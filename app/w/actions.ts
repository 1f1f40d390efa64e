"use server";
// Any signed-in person may create a workspace; they become its owner.
import { redirect } from "next/navigation";
import { actionResult, formArg, type ActionState } from "@/server/auth/action-result";
import { requireUser } from "@/server/auth/guards";
import { createWorkspace } from "@/server/workspaces/workspaces";

export async function createWorkspaceAction(_prev: ActionState, data: FormData): Promise<ActionState> {
  let slug = "";
  const r = await actionResult(async () => {
    formArg(data);
    const user = await requireUser();
    slug = (await createWorkspace({ name: String(data.get("name") ?? ""), ownerId: user.id }, { user })).slug;
    return "Created.";
  });
  if (r?.ok) redirect(`/w/${slug}/settings/connection`);
  return r;
}
