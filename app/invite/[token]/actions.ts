"use server";
// Accepting an invite: as the signed-in account, or by creating an account first.
import { redirect } from "next/navigation";
import { actionResult, formArg, idArg, type ActionState } from "@/server/auth/action-result";
import { requireUser } from "@/server/auth/guards";
import { AppError } from "@/server/http/errors";
import { acceptInvite, lookupInvite } from "@/server/workspaces/invites";
import { completeRegistration, startRegistration } from "@/server/workspaces/email-verification";
import { mailConfigured } from "@/server/workspaces/mail";
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

/**
 * Creates the account; the client then signs in and calls acceptAsCurrentUser. With mail set
 * up, the first call only mails a code (answering `verify`), and the account is created when
 * the form comes back with it. Without mail, the account is created unproved and remembers
 * the invite it came through (see grantableByEmail).
 */
export async function registerForInvite(token: string, _prev: ActionState, data: FormData): Promise<{ ok?: string; error?: string; at?: number; verify?: string } | null> {
  let verify: string | undefined;
  const r = await actionResult(async () => {
    idArg(token, "invite link");
    formArg(data);
    const invite = await lookupInvite(token);
    const email = String(data.get("email") ?? "").trim().toLowerCase();
    if (invite.email && invite.email !== email) throw new AppError("invalid_input", `This invite is for ${invite.email}.`);
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("confirm") ?? "")) throw new AppError("invalid_input", "The two passwords differ.");
    const account = { email, password, name: String(data.get("name") ?? "") };
    if (!mailConfigured()) {
      await createUser(account, { registeredViaInviteId: invite.id });
      return "Account created.";
    }
    const pending = data.get("verification");
    if (typeof pending === "string" && pending) {
      const user = await completeRegistration(idArg(pending, "sign-up"), String(data.get("code") ?? ""));
      if (user.email !== email) throw new AppError("invalid_input", "The email changed since the code was sent. Fill in the form again.");
      return "Account created.";
    }
    verify = await startRegistration(account, invite.id);
    return "";
  });
  return verify ? { verify, at: r?.at } : r;
}
