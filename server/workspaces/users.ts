import "server-only";
// Portal accounts: create (setup, invites, CLI), change password. An account records whether
// control of its email was proved, and the invite it was registered through, because someone
// holding an invite link can register any address (see grantableByEmail).
import { hashSecret, passwordProblem, verifySecret } from "../auth/password";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { email as emailSchema, firstIssue } from "./validation";

export type NewAccount = { email: string; password: string; name?: string | null };
export type Provenance = { emailVerifiedAt?: Date | null; registeredViaInviteId?: string | null };

/** The checked email, password and name of a new account; refuses an email already taken. */
export async function checkNewAccount(input: NewAccount): Promise<{ email: string; name: string | null }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new AppError("invalid_input", firstIssue(email.error), { field: "email" });
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("invalid_input", problem, { field: "password" });
  const name = input.name?.trim() ? input.name.trim().slice(0, 100) : null;
  if (await db.user.findUnique({ where: { email: email.data }, select: { id: true } })) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.", { field: "email" });
  }
  return { email: email.data, name };
}

export async function createUser(input: NewAccount, provenance: Provenance = {}) {
  const { email, name } = await checkNewAccount(input);
  return insertUser({ email, name, passwordHash: await hashSecret(input.password), ...provenance });
}

/** Writes an account whose fields are already checked (and whose password is already hashed). */
export async function insertUser(data: { email: string; name: string | null; passwordHash: string } & Provenance) {
  try {
    return await db.user.create({
      data,
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    // Two creations raced past the check above: the unique index decides.
    if ((err as { code?: string }).code === "P2002") throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    throw err;
  }
}

export const UNPROVED_EMAIL =
  "This account was registered through someone's invite link and nobody has proved control of its email address, so access cannot be given to it by email. The owner of the address can ask for an invite link of their own, or an operator can delete the account and create it again (user:create).";

/**
 * May a membership be given to this account because of its email address (an invite bound to
 * that address, member:add --email)? Not when the account was registered through an invite by
 * whoever held the link and the address was never proved: that could be anyone. The invite it
 * was registered through itself is fine (its inviter chose to give that link out). Accounts
 * from setup or the CLI were made by an operator and carry no invite.
 */
export function grantableByEmail(user: { emailVerifiedAt: Date | null; registeredViaInviteId: string | null }, inviteId?: string): boolean {
  return user.emailVerifiedAt !== null || user.registeredViaInviteId === null || user.registeredViaInviteId === inviteId;
}

/** Bumps sessionVersion so every other session of the account ends. */
export async function changePassword(userId: string, current: string, next: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifySecret(user.passwordHash, current))) throw new AppError("invalid_input", "The current password is not right.", { field: "current" });
  const problem = passwordProblem(next);
  if (problem) throw new AppError("invalid_input", problem, { field: "password" });
  if (current === next) throw new AppError("invalid_input", "The new password must differ from the current one.");
  return db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashSecret(next), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
}

export async function userCount(): Promise<number> {
  return db.user.count();
}

/** The account's language (null: automatic, from the browser and the workspace). */
export async function setUserLocale(userId: string, locale: string | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
