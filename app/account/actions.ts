"use server";
// Account actions: adapters over server/commands/account. Changes that bump the session version
// re-issue this browser's session, so other sessions end and this one continues.
import { revalidatePath } from "next/cache";
import { actionResult, type ActionState } from "@/server/auth/action-result";
import { requireUser } from "@/server/auth/guards";
import { issueSession } from "@/server/auth/issue-session";
import { changePassword, enableTwoFactor, saveProfile as saveProfileCommand, turnOffTwoFactor } from "@/server/commands/account";
import { formFields } from "@/server/commands/action";

export async function saveProfile(_prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const input = formFields(data);
    await saveProfileCommand(await requireUser(), input);
    revalidatePath("/account");
    return "Saved.";
  });
}

export async function changePasswordAction(_prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const input = formFields(data);
    const user = await requireUser();
    const { sessionVersion } = await changePassword(user, input);
    await issueSession(user, sessionVersion);
    return "Password changed. Other sessions of this account were signed out.";
  });
}

export type EnrolState = (ActionState & { codes?: string[] }) | null;

export async function confirmTwoFactorAction(_prev: EnrolState, data: FormData): Promise<EnrolState> {
  let codes: string[] | undefined;
  const r = await actionResult(async () => {
    const input = formFields(data);
    const user = await requireUser();
    const out = await enableTwoFactor(user, input);
    await issueSession(user, out.sessionVersion);
    codes = out.codes;
    return "Two-factor authentication is on.";
  });
  return { ...r, codes };
}

export async function disableTwoFactorAction(_prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const input = formFields(data);
    const user = await requireUser();
    const { sessionVersion } = await turnOffTwoFactor(user, input);
    await issueSession(user, sessionVersion);
    revalidatePath("/account/security");
    return "Two-factor authentication is off.";
  });
}
