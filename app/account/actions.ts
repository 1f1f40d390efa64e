"use server";
// Account actions: name, password, two-factor. Changes that bump the session version re-issue
// this browser's session, so other sessions end and this one continues.
import { revalidatePath } from "next/cache";
import { actionResult, formArg, type ActionState } from "@/server/auth/action-result";
import { requireUser } from "@/server/auth/guards";
import { issueSession } from "@/server/auth/issue-session";
import { confirmTwoFactor, disableTwoFactor } from "@/server/auth/two-factor";
import { db } from "@/server/db/client";
import { AppError } from "@/server/http/errors";
import { changePassword } from "@/server/workspaces/users";

export async function saveProfile(_prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    formArg(data);
    const user = await requireUser();
    const name = String(data.get("name") ?? "").trim();
    if (name.length > 100) throw new AppError("invalid_input", "The name can have at most 100 characters.");
    await db.user.update({ where: { id: user.id }, data: { name: name || null } });
    revalidatePath("/account");
    return "Saved.";
  });
}

export async function changePasswordAction(_prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    formArg(data);
    const user = await requireUser();
    const next = String(data.get("password") ?? "");
    if (next !== String(data.get("confirm") ?? "")) throw new AppError("invalid_input", "The two new passwords differ.");
    const { sessionVersion } = await changePassword(user.id, String(data.get("current") ?? ""), next);
    await issueSession(user, sessionVersion);
    return "Password changed. Other sessions of this account were signed out.";
  });
}

export type EnrolState = (ActionState & { codes?: string[] }) | null;

export async function confirmTwoFactorAction(_prev: EnrolState, data: FormData): Promise<EnrolState> {
  let codes: string[] | undefined;
  const r = await actionResult(async () => {
    formArg(data);
    const user = await requireUser();
    const out = await confirmTwoFactor(user.id, String(data.get("code") ?? ""));
    await issueSession(user, out.sessionVersion);
    codes = out.codes;
    return "Two-factor authentication is on.";
  });
  return { ...r, codes };
}

export async function disableTwoFactorAction(_prev: ActionState, data: FormData): Promise<ActionState> {
  return actionResult(async () => {
    formArg(data);
    const user = await requireUser();
    const { sessionVersion } = await disableTwoFactor(user.id, String(data.get("password") ?? ""), String(data.get("code") ?? ""));
    await issueSession(user, sessionVersion);
    revalidatePath("/account/security");
    return "Two-factor authentication is off.";
  });
}
