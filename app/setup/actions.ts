"use server";
// First-run setup action: only works while the portal has no account at all.
import { actionResult, formArg, type ActionState } from "@/server/auth/action-result";
import { AppError } from "@/server/http/errors";
import { createFirstOwner } from "@/server/workspaces/first-run";

export async function setupAction(_prev: ActionState, data: FormData): Promise<ActionState & { slug?: string }> {
  let slug: string | undefined;
  const r = await actionResult(async () => {
    formArg(data);
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("confirm") ?? "")) throw new AppError("invalid_input", "The two passwords differ.");
    const out = await createFirstOwner({
      email: String(data.get("email") ?? ""),
      password,
      name: String(data.get("name") ?? ""),
      workspace: String(data.get("workspace") ?? ""),
    });
    slug = out.slug;
    return "Account created.";
  });
  return { ...r, slug };
}
