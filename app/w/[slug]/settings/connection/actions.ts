"use server";
// Server actions of the Senar connection page; each re-authorizes from the slug (admins).
import { revalidatePath } from "next/cache";
import { actionResult, formArg, type ActionState } from "@/server/auth/action-result";
import { requireMember } from "@/server/auth/guards";
import { AppError } from "@/server/http/errors";
import { testConnection } from "@/server/senar/for-workspace";
import { updateConnection } from "@/server/workspaces/workspaces";

export async function saveConnection(slug: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    formArg(data);
    const ctx = await requireMember(slug, "ADMIN");
    await updateConnection(
      ctx.workspace.id,
      { baseUrl: String(data.get("baseUrl") ?? ""), username: String(data.get("username") ?? ""), password: String(data.get("password") ?? "") },
      { user: ctx.user, role: ctx.role },
    );
    revalidatePath(`/w/${slug}/settings/connection`);
    return "Saved. Use Test connection to check it.";
  });
}

export async function runConnectionTest(slug: string, _prev: ActionState): Promise<ActionState> {
  return actionResult(async () => {
    const ctx = await requireMember(slug, "ADMIN");
    const outcome = await testConnection(ctx.workspace.id, ctx.user);
    revalidatePath(`/w/${slug}/settings/connection`);
    if (!outcome.ok) throw new AppError("bad_request", outcome.message);
    return outcome.message;
  });
}
