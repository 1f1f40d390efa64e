import "server-only";
// Workspace data functions: create, settings, Senar connection, delete. The UI's server actions
// and the ops CLI both call these, so rules and audit entries are the same everywhere.
import { randomBytes, randomUUID } from "node:crypto";
import { audit } from "../audit";
import type { Role, SessionUser } from "../auth/guards";
import { encrypt } from "../crypto";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { mailConfigured, sendMail } from "./mail";
import { firstIssue, generalSettings, senarUrl, workspaceName, type GeneralSettings } from "./validation";

/** user null: the operator (CLI). role: the user's role in the workspace being changed, where it matters. */
export type Actor = { user: SessionUser | null; label?: string; role?: Role };

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "workspace";
}

async function freeSlug(name: string): Promise<string> {
  const base = slugify(name);
  if (!(await db.workspace.findUnique({ where: { slug: base }, select: { id: true } }))) return base;
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await db.workspace.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

export type SenarInput = { baseUrl?: string; username: string; password: string };

export async function createWorkspace(input: { name: string; ownerId: string; senar?: SenarInput }, actor: Actor) {
  const name = workspaceName.safeParse(input.name);
  if (!name.success) throw new AppError("invalid_input", firstIssue(name.error));
  // The id is chosen here because the sealed Senar password is bound to it.
  const id = randomUUID();
  const senar = input.senar ? parseSenar(input.senar, true, id) : undefined;
  const slug = await freeSlug(name.data);
  const ws = await db.workspace.create({
    data: {
      id,
      slug,
      name: name.data,
      ...(senar ?? {}),
      memberships: { create: { userId: input.ownerId, role: "OWNER" } },
    },
    select: { id: true, slug: true, name: true },
  });
  await audit({ workspaceId: ws.id, actor: actor.user, actorLabel: actor.label, action: "workspace.created", target: ws.name });
  if (senar) await audit({ workspaceId: ws.id, actor: actor.user, actorLabel: actor.label, action: "connection.updated", details: { baseUrl: senar.senarBaseUrl, username: senar.senarUsername, password: "changed" } });
  return ws;
}

function parseSenar(input: { baseUrl?: string; username: string; password?: string }, requirePassword: boolean, workspaceId: string) {
  const url = senarUrl.safeParse(input.baseUrl?.trim() ? input.baseUrl : env().SENAR_BASE_URL);
  if (!url.success) throw new AppError("invalid_input", firstIssue(url.error));
  const username = input.username.trim();
  if (!username || username.length > 200) throw new AppError("invalid_input", "Enter the Senar username (1–200 characters).");
  const password = input.password ?? "";
  if (requirePassword && !password) throw new AppError("invalid_input", "Enter the Senar password.");
  if (password.length > 500) throw new AppError("invalid_input", "The Senar password is too long.");
  return {
    senarBaseUrl: url.data,
    senarUsername: username,
    ...(password ? { senarPasswordEnc: encrypt(password, { workspaceId, column: "senarPasswordEnc" }) } : {}),
  };
}

/** The address a workspace really calls: its own, or the default when it has none. */
const effectiveAddress = (stored: string | null) => stored ?? env().SENAR_BASE_URL.replace(/\/+$/, "");
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * Saves the connection. An empty password keeps the stored one, but only while the address and
 * the username stay the same: otherwise the stored password could be sent to a server of the
 * caller's choosing (issue 12, finding 2), so it must be typed again. Only owners (and the
 * operator's CLI) may change the address; the change is audited and mailed to the owners.
 * Any change drops the cached token.
 */
export async function updateConnection(workspaceId: string, input: { baseUrl?: string; username: string; password?: string }, actor: Actor) {
  const current = await db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, senarPasswordEnc: true, senarBaseUrl: true, senarUsername: true } });
  if (!current) throw new AppError("not_found", "No such workspace.");
  const data = parseSenar(input, !current.senarPasswordEnc, workspaceId);
  const before = effectiveAddress(current.senarBaseUrl);
  const addressChanged = data.senarBaseUrl !== before;
  const usernameChanged = data.senarUsername !== current.senarUsername;
  if (addressChanged && actor.user && actor.role !== "OWNER") {
    throw new AppError("forbidden", "Only an owner of this workspace can change the Senar address.");
  }
  if ((addressChanged || usernameChanged) && !data.senarPasswordEnc) {
    throw new AppError("invalid_input", "Type the Senar password again to change the Senar address or username.", { field: "password" });
  }
  await db.workspace.update({
    where: { id: workspaceId },
    data: { ...data, senarTokenEnc: null, senarTokenAt: null, connectionOkAt: null, connectionError: null, connectionErrorAt: null },
  });
  const changes: Record<string, unknown> = {};
  if (addressChanged) changes.baseUrl = data.senarBaseUrl;
  if (usernameChanged) changes.username = data.senarUsername;
  if (data.senarPasswordEnc) changes.password = "changed";
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "connection.updated", details: changes });
  if (addressChanged) {
    const details = { fromHost: hostOf(before), toHost: hostOf(data.senarBaseUrl), from: before, to: data.senarBaseUrl };
    await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "connection.address_changed", details });
    await tellOwners(workspaceId, current.name, details, actor);
  }
}

/** Mails every owner about an address change, when mail is configured (best effort, never throws). */
async function tellOwners(workspaceId: string, workspace: string, change: { fromHost: string; toHost: string }, actor: Actor) {
  if (!mailConfigured()) return;
  const owners = await db.membership.findMany({ where: { workspaceId, role: "OWNER", disabledAt: null }, select: { user: { select: { email: true } } } });
  const who = actor.user?.email ?? actor.label ?? "the operator";
  const text = [
    `The Senar address of the workspace "${workspace}" was changed by ${who}.`,
    `From: ${change.fromHost}`,
    `To:   ${change.toHost}`,
    "",
    "The portal now signs in to Senar at the new address. If you did not expect this, check the",
    "workspace's Senar connection settings and its audit log.",
  ].join("\n");
  for (const o of owners) await sendMail(o.user.email, `Senar address changed in ${workspace}`, text);
}

/** Returns which settings changed, so the caller knows when rollups must be rebuilt. */
export async function updateGeneral(workspaceId: string, raw: Record<string, unknown>, actor: Actor) {
  const parsed = generalSettings.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", firstIssue(parsed.error));
  const s: GeneralSettings = parsed.data;
  const before = await db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, timeZone: true, passMark: true, syncIntervalMinutes: true, defaultLocale: true } });
  if (!before) throw new AppError("not_found", "No such workspace.");
  const passMark = s.passMarkPct / 100;
  await db.workspace.update({
    where: { id: workspaceId },
    data: { name: s.name, timeZone: s.timeZone, passMark, syncIntervalMinutes: s.syncIntervalMinutes, defaultLocale: s.defaultLocale },
  });
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (before.name !== s.name) changed.name = { from: before.name, to: s.name };
  if (before.timeZone !== s.timeZone) changed.timeZone = { from: before.timeZone, to: s.timeZone };
  if (Math.abs(before.passMark - passMark) > 1e-9) changed.passMark = { from: before.passMark, to: passMark };
  if (before.syncIntervalMinutes !== s.syncIntervalMinutes) changed.syncIntervalMinutes = { from: before.syncIntervalMinutes, to: s.syncIntervalMinutes };
  if (s.defaultLocale !== undefined && before.defaultLocale !== s.defaultLocale) changed.defaultLocale = { from: before.defaultLocale, to: s.defaultLocale };
  if (Object.keys(changed).length > 0) {
    await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "settings.updated", details: changed });
  }
  return { rollupsStale: "timeZone" in changed || "passMark" in changed, changed: Object.keys(changed) };
}

export async function deleteWorkspace(workspaceId: string, confirmName: string) {
  const ws = await db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true } });
  if (!ws) throw new AppError("not_found", "No such workspace.");
  if (confirmName.trim() !== ws.name) throw new AppError("invalid_input", `Type the workspace name, ${ws.name}, to confirm.`);
  // Cascades to memberships, invites, audit events, keys, runs and subscriptions; cached Senar
  // rows carry no foreign key, so they are removed explicitly.
  await db.$transaction([
    db.activity.deleteMany({ where: { workspaceId } }),
    db.senarUser.deleteMany({ where: { workspaceId } }),
    db.dailyRollup.deleteMany({ where: { workspaceId } }),
    db.dailyTrainee.deleteMany({ where: { workspaceId } }),
    db.usageDaily.deleteMany({ where: { workspaceId } }),
    db.invalidRecord.deleteMany({ where: { workspaceId } }),
    db.webhookDelivery.deleteMany({ where: { workspaceId } }),
    db.collection.deleteMany({ where: { workspaceId } }),
    db.simulator.deleteMany({ where: { workspaceId } }),
    db.scenario.deleteMany({ where: { workspaceId } }),
    db.trainee.deleteMany({ where: { workspaceId } }),
    db.instructor.deleteMany({ where: { workspaceId } }),
    db.company.deleteMany({ where: { workspaceId } }),
    db.costCenter.deleteMany({ where: { workspaceId } }),
    db.workspace.delete({ where: { id: workspaceId } }),
  ]);
}

/** Workspaces a user can open (enabled memberships), for the picker and the switcher. */
export async function workspacesOf(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId, disabledAt: null },
    select: { role: true, workspace: { select: { slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return rows.map((r) => ({ slug: r.workspace.slug, name: r.workspace.name, role: r.role }));
}
