import "server-only";
// Registering and removing the Senar webhooks of a workspace. Each registration gets its own
// unguessable URL token (stored hashed); the subscription row exists before Senar is called,
// so a delivery arriving at once is accepted. Unsubscribing always revokes the token (further
// posts answer 410, the REST-hook "drop me" signal), whatever Senar said.
import { audit } from "../audit";
import type { SessionUser } from "../auth/guards";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { SenarError, senarProblem, type SenarClient } from "../senar/senar-client";
import { senarFor } from "../senar/for-workspace";
import { newHookToken } from "./hook-token";

export type HookMethod = "user" | "activity";
export type Actor = { user: SessionUser | null; label?: string };

export function hookUrlFor(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/api/webhooks/senar/${token}`;
}

/** A subscription row and its token (no Senar call): for registration and tests. */
export async function createSubscription(workspaceId: string, method: HookMethod, createdById: string | null = null) {
  const { token, hash } = newHookToken();
  const sub = await db.webhookSubscription.create({ data: { workspaceId, method, tokenHash: hash, createdById } });
  return { sub, token };
}

export async function registerHooks(
  workspaceId: string,
  actor: Actor,
  methods: HookMethod[] = ["user", "activity"],
  client?: SenarClient,
): Promise<{ method: HookMethod; subscriptionId: string; senarHookId: string }[]> {
  const senar = client ?? (await senarFor(workspaceId));
  const out: { method: HookMethod; subscriptionId: string; senarHookId: string }[] = [];
  for (const method of methods) {
    const { sub, token } = await createSubscription(workspaceId, method, actor.user?.id ?? null);
    try {
      const { id } = await senar.registerWebhook({ hookUrl: hookUrlFor(token), method });
      await db.webhookSubscription.update({ where: { id: sub.id }, data: { senarHookId: String(id) } });
      out.push({ method, subscriptionId: sub.id, senarHookId: String(id) });
      await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "webhook.register", target: sub.id, details: { method, senarHookId: String(id) } });
    } catch (err) {
      await db.webhookSubscription.update({ where: { id: sub.id }, data: { revokedAt: new Date(), unsubscribeNote: "Senar did not accept the registration." } });
      if (err instanceof SenarError) throw new AppError("senar_rejected", `Senar did not register the ${method} webhook: ${senarProblem(err).message}`);
      throw err;
    }
  }
  return out;
}

export async function unsubscribeHook(
  workspaceId: string,
  subscriptionId: string,
  actor: Actor,
  client?: SenarClient,
): Promise<{ senarOk: boolean; message: string }> {
  const sub = await db.webhookSubscription.findFirst({ where: { id: subscriptionId, workspaceId } });
  if (!sub) throw new AppError("not_found", "No such webhook.");
  let result = { senarOk: false, message: "This webhook has no Senar id; only the portal's URL was revoked." };
  if (sub.senarHookId && !sub.revokedAt) {
    try {
      const senar = client ?? (await senarFor(workspaceId));
      const r = await senar.unsubscribeWebhook(sub.senarHookId);
      result = { senarOk: r.ok, message: r.ok ? r.message : `Senar did not confirm the unsubscribe: ${r.message}` };
    } catch (err) {
      const why = err instanceof SenarError ? senarProblem(err).message : err instanceof AppError ? err.message : "unexpected error";
      result = { senarOk: false, message: `Senar did not confirm the unsubscribe: ${why}` };
    }
  }
  const message = `${result.message} The hook URL is revoked: further deliveries answer 410.`;
  await db.webhookSubscription.update({ where: { id: sub.id }, data: { revokedAt: sub.revokedAt ?? new Date(), unsubscribeNote: message.slice(0, 500) } });
  await audit({ workspaceId, actor: actor.user, actorLabel: actor.label, action: "webhook.unsubscribe", target: sub.id, details: { senarHookId: sub.senarHookId, senarOk: result.senarOk } });
  return { senarOk: result.senarOk, message };
}
