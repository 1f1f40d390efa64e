import "server-only";
// First run: the first account (owner) and its first workspace, only while no account exists.
// The table lock makes two simultaneous setups impossible: the second sees the first's account.
import { hashSecret, passwordProblem } from "../auth/password";
import { audit } from "../audit";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { email as emailSchema, firstIssue, workspaceName } from "./validation";
import { slugify } from "./workspaces";

export async function createFirstOwner(input: { email: string; password: string; name?: string; workspace: string }) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new AppError("invalid_input", firstIssue(email.error));
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("invalid_input", problem);
  const wsName = workspaceName.safeParse(input.workspace);
  if (!wsName.success) throw new AppError("invalid_input", firstIssue(wsName.error));
  const passwordHash = await hashSecret(input.password);
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`LOCK TABLE "User" IN SHARE ROW EXCLUSIVE MODE`);
    if ((await tx.user.count()) > 0) throw new AppError("conflict", "This portal is already set up. Sign in instead.");
    const user = await tx.user.create({ data: { email: email.data, name: input.name?.trim() || null, passwordHash }, select: { id: true, email: true, name: true } });
    const ws = await tx.workspace.create({
      data: { slug: slugify(wsName.data), name: wsName.data, memberships: { create: { userId: user.id, role: "OWNER" } } },
      select: { id: true, slug: true },
    });
    return { user, ws };
  });
  await audit({ workspaceId: result.ws.id, actor: result.user, action: "workspace.created", target: wsName.data });
  return { slug: result.ws.slug, email: result.user.email };
}
