import "server-only";
// Invitations: a random token shown once (only its SHA-256 is stored), valid 7 days, usable once.
import { createHash, randomBytes } from "node:crypto";
import { audit } from "../audit";
import type { Role } from "../auth/guards";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { sendMail } from "./mail";
import { grantableByEmail, UNPROVED_EMAIL } from "./users";
import { email as emailSchema, firstIssue } from "./validation";
import type { Actor } from "./workspaces";

export const INVITE_TTL_MS = 7 * 24 * 3600_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function inviteUrl(token: string): string {
  return new URL(`/invite/${token}`, env().APP_URL).toString();
}

export async function createInvite(workspaceId: string, input: { role: Role; email?: string | null }, actor: Actor) {
  let email: string | null = null;
  if (input.email?.trim()) {
    const parsed = emailSchema.safeParse(input.email);
    if (!parsed.success) throw new AppError("invalid_input", firstIssue(parsed.error));
    email = parsed.data;
  }
  const token = randomBytes(24).toString("base64url");
  const invite = await db.invite.create({
    data: { workspaceId, tokenHash: hashToken(token), role: input.role, email, createdById: actor.user?.id ?? null, expiresAt: new Date(Date.now() + INVITE_TTL_MS) },
    select: { id: true, expiresAt: true, workspace: { select: { name: true } } },
  });
  const url = inviteUrl(token);
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "invite.created", target: email ?? undefined, details: { role: input.role } });
  const mailed = email
    ? await sendMail(
        email,
        `You are invited to ${invite.workspace.name} on Senar Portal`,
        `${actor.user?.email ?? "An administrator"} invited you to the workspace "${invite.workspace.name}" as ${input.role.toLowerCase()}.\n\nOpen this link to accept (valid until ${invite.expiresAt.toUTCString()}, usable once):\n${url}\n`,
      )
    : false;
  return { id: invite.id, token, url, expiresAt: invite.expiresAt, mailed };
}

export async function revokeInvite(workspaceId: string, inviteId: string, actor: Actor) {
  const r = await db.invite.deleteMany({ where: { id: inviteId, workspaceId, acceptedAt: null } });
  if (r.count === 0) throw new AppError("not_found", "No such pending invite.");
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "invite.revoked", target: inviteId });
}

export type InviteView = { id: string; workspaceName: string; role: Role; email: string | null; expiresAt: Date };

/** What an invite link offers, or why it cannot be used (410 expired/used, 404 unknown). */
export async function lookupInvite(token: string): Promise<InviteView> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError("not_found", "This invite link is not valid. Check that you copied all of it.");
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, role: true, email: true, expiresAt: true, acceptedAt: true, workspace: { select: { name: true } } },
  });
  if (!invite) throw new AppError("not_found", "This invite link is not valid. Check that you copied all of it.");
  if (invite.acceptedAt) throw new AppError("gone", "This invite has already been used. Ask for a new one.");
  if (invite.expiresAt <= new Date()) throw new AppError("gone", "This invite has expired. Ask for a new one.");
  return { id: invite.id, workspaceName: invite.workspace.name, role: invite.role, email: invite.email, expiresAt: invite.expiresAt };
}

/** Spends the invite for this user and adds the membership, atomically. Returns the workspace slug. */
export async function acceptInvite(token: string, user: { id: string; email: string }): Promise<string> {
  await lookupInvite(token); // clear messages for unknown, used and expired links
  const tokenHash = hashToken(token);
  const result = await db.$transaction(async (tx) => {
    const invite = await tx.invite.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, workspaceId: true, role: true, email: true, workspace: { select: { slug: true } } } });
    if (invite.email && invite.email !== user.email.toLowerCase()) {
      throw new AppError("forbidden", `This invite is for ${invite.email}. Sign in with that account to accept it.`);
    }
    // An invite bound to an address trusts that the account's owner controls it.
    const account = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true, registeredViaInviteId: true } });
    if (invite.email && !grantableByEmail(account, invite.id)) throw new AppError("forbidden", UNPROVED_EMAIL);
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId: user.id } }, select: { role: true } });
    if (existing) throw new AppError("conflict", "You are already a member of this workspace.");
    // The guarded update is the single-use check: a second acceptance finds acceptedAt set.
    const spent = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date(), acceptedById: user.id } });
    if (spent.count !== 1) throw new AppError("gone", "This invite has already been used. Ask for a new one.");
    await tx.membership.create({ data: { workspaceId: invite.workspaceId, userId: user.id, role: invite.role } });
    return { workspaceId: invite.workspaceId, slug: invite.workspace.slug, role: invite.role };
  });
  await audit({ workspaceId: result.workspaceId, actor: { id: user.id, email: user.email, name: null }, action: "invite.accepted", target: user.email, details: { role: result.role } });
  return result.slug;
}
