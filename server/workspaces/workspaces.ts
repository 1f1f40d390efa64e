import "server-only";
// Workspace data functions: create, settings, Senar connection, delete. The UI's server actions
// and the ops CLI both call these, so rules and audit entries are the same everywhere.
import { randomBytes, randomUUID } from "node:crypto";
import { audit } from "../audit";
import type { SessionUser } from "../auth/guards";
import { encrypt } from "../crypto";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { firstIssue, generalSettings, senarUrl, workspaceName, type GeneralSettings } from "./validation";

export type Actor = { user: SessionUser | null; label?: string };

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

/** Saves the connection; an empty password keeps the stored one. Any change drops the cached token. */
export async function updateConnection(workspaceId: string, input: { baseUrl?: string; username: string; password?: string }, actor: Actor) {
  const current = await db.workspace.findUnique({ where: { id: workspaceId }, select: { senarPasswordEnc: true, senarBaseUrl: true, senarUsername: true } });
  if (!current) throw new AppError("not_found", "No such workspace.");
  const data = parseSenar(input, !current.senarPasswordEnc, workspaceId);
  await db.workspace.update({
    where: { id: workspaceId },
    data: { ...data, senarTokenEnc: null, senarTokenAt: null, connectionOkAt: null, connectionError: null, connectionErrorAt: null },
  });
  const changes: Record<string, unknown> = {};
  if (data.senarBaseUrl !== current.senarBaseUrl) changes.baseUrl = data.senarBaseUrl;
  if (data.senarUsername !== current.senarUsername) changes.username = data.senarUsername;
  if (data.senarPasswordEnc) changes.password = "changed";
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "connection.updated", details: changes });
}

/** Returns which settings changed, so the caller knows when rollups must be rebuilt. */
export async function updateGeneral(workspaceId: string, raw: Record<string, unknown>, actor: Actor) {
  const parsed = generalSettings.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", firstIssue(parsed.error));
  const s: GeneralSettings = parsed.data;
  const before = await db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, timeZone: true, passMark: true, syncIntervalMinutes: true } });
  if (!before) throw new AppError("not_found", "No such workspace.");
  const passMark = s.passMarkPct / 100;
  await db.workspace.update({
    where: { id: workspaceId },
    data: { name: s.name, timeZone: s.timeZone, passMark, syncIntervalMinutes: s.syncIntervalMinutes },
  });
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (before.name !== s.name) changed.name = { from: before.name, to: s.name };
  if (before.timeZone !== s.timeZone) changed.timeZone = { from: before.timeZone, to: s.timeZone };
  if (Math.abs(before.passMark - passMark) > 1e-9) changed.passMark = { from: before.passMark, to: passMark };
  if (before.syncIntervalMinutes !== s.syncIntervalMinutes) changed.syncIntervalMinutes = { from: before.syncIntervalMinutes, to: s.syncIntervalMinutes };
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
