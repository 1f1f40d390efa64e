import "server-only";
// Portal accounts: create (setup, invites, CLI), change password.
import { hashSecret, passwordProblem, verifySecret } from "../auth/password";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { email as emailSchema, firstIssue } from "./validation";

export async function createUser(input: { email: string; password: string; name?: string | null }) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new AppError("invalid_input", firstIssue(email.error), { field: "email" });
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("invalid_input", problem, { field: "password" });
  const name = input.name?.trim() ? input.name.trim().slice(0, 100) : null;
  if (await db.user.findUnique({ where: { email: email.data }, select: { id: true } })) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.", { field: "email" });
  }
  try {
    return await db.user.create({
      data: { email: email.data, name, passwordHash: await hashSecret(input.password) },
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    // Two creations raced past the check above: the unique index decides.
    if ((err as { code?: string }).code === "P2002") throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    throw err;
  }
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
