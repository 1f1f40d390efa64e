import "server-only";
// Memberships: add, change role, disable/enable, remove. The workspace must always keep one
// enabled owner; the check runs under a row lock on the workspace so two owners demoting each
// other at once cannot both succeed.
import { revokeKeysOfMember } from "../api/keys";
import { audit } from "../audit";
import type { Role } from "../auth/guards";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../http/errors";
import { grantableByEmail, UNPROVED_EMAIL } from "./users";
import type { Actor } from "./workspaces";

type Tx = Prisma.TransactionClient;

async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
}

async function enabledOwners(tx: Tx, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "OWNER", disabledAt: null } });
}

async function loadMember(tx: Tx, workspaceId: string, userId: string) {
  const m = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, disabledAt: true, user: { select: { email: true } } },
  });
  if (!m) throw new AppError("not_found", "No such member in this workspace.");
  return m;
}

const LAST_OWNER = "A workspace needs at least one enabled owner. Make someone else an owner first.";

export async function addMember(workspaceId: string, email: string, role: Role, actor: Actor) {
  const found = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, emailVerifiedAt: true, registeredViaInviteId: true } });
  if (!found) throw new AppError("not_found", `No account with the email ${email}. Create it first (user:create).`);
  if (!grantableByEmail(found)) throw new AppError("conflict", `${found.email}: ${UNPROVED_EMAIL}`);
  const user = { id: found.id, email: found.email };
  const existing = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { role: true } });
  if (existing) throw new AppError("conflict", `${user.email} is already a member (${existing.role.toLowerCase()}).`);
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "member.added", target: user.email, details: { role } });
  return user;
}

export async function changeRole(workspaceId: string, userId: string, role: Role, actor: Actor) {
  const email = await db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const m = await loadMember(tx, workspaceId, userId);
    if (m.role === role) return null;
    if (m.role === "OWNER" && !m.disabledAt && (await enabledOwners(tx, workspaceId)) <= 1) throw new AppError("conflict", LAST_OWNER);
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
    return { email: m.user.email, from: m.role };
  });
  if (email) await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "member.role_changed", target: email.email, details: { from: email.from, to: role } });
  return email !== null;
}

export async function setMemberDisabled(workspaceId: string, userId: string, disabled: boolean, actor: Actor) {
  const email = await db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const m = await loadMember(tx, workspaceId, userId);
    if (Boolean(m.disabledAt) === disabled) return null;
    if (disabled && m.role === "OWNER" && (await enabledOwners(tx, workspaceId)) <= 1) throw new AppError("conflict", LAST_OWNER);
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { disabledAt: disabled ? new Date() : null } });
    return m.user.email;
  });
  if (email) await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: disabled ? "member.disabled" : "member.enabled", target: email });
}

export async function removeMember(workspaceId: string, userId: string, actor: Actor): Promise<{ apiKeysRevoked: string[] }> {
  const removed = await db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const m = await loadMember(tx, workspaceId, userId);
    if (m.role === "OWNER" && !m.disabledAt && (await enabledOwners(tx, workspaceId)) <= 1) throw new AppError("conflict", LAST_OWNER);
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    // Their API keys go with them (a key must not outlive its creator's access).
    const keys = await revokeKeysOfMember(tx, workspaceId, userId, `creator ${m.user.email} removed from the workspace`);
    return { email: m.user.email, keys };
  });
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "member.removed", target: removed.email, details: { apiKeysRevoked: removed.keys } });
  return { apiKeysRevoked: removed.keys };
}
