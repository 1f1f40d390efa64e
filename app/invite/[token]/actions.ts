"use server";
// Accepting an invite: as the signed-in account, or by creating an account first.
import { redirect } from "next/navigation";
import { actionResult, formArg, idArg, type ActionState } from "@/server/auth/action-result";
import { requireUser } from "@/server/auth/guards";
import { AppError } from "@/server/http/errors";
import { acceptInvite, lookupInvite } from "@/server/workspaces/invites";
import { createUser } from "@/server/workspaces/users";

export async function acceptAsCurrentUser(token: string, _prev: ActionState): Promise<ActionState> {
  let slug = "";
  const r = await actionResult(async () => {
    idArg(token, "invite link");
    const user = await requireUser();
    slug = await acceptInvite(token, user);
    return "Joined.";
  });
  if (r?.ok) redirect(`/w/${slug}`);
  return r;
}

/** Creates the account; the client then signs in and calls acceptAsCurrentUser. */
export async function registerForInvite(token: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    idArg(token, "invite link");
    formArg(data);
    const invite = await lookupInvite(token);
    const email = String(data.get("email") ?? "").trim().toLowerCase();
    if (invite.email && invite.email !== email) throw new AppError("invalid_input", `This invite is for ${invite.email}.`);
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("confirm") ?? "")) throw new AppError("invalid_input", "The two passwords differ.");
    await createUser({ email, password, name: String(data.get("name") ?? "") });
    return "Account created.";
  });
}
