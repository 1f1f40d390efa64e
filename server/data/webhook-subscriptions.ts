import "server-only";
// Read side of the workspace's Senar webhook subscriptions for the settings page, with each
// one's delivery count and last delivery.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db } from "@/server/db/client";

export async function subscriptions({ workspaceId }: WorkspaceScope) {
  const subs = await db.webhookSubscription.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, method: true, senarHookId: true, createdAt: true, revokedAt: true, unsubscribeNote: true, _count: { select: { deliveries: true } } },
  });
  const last = await db.webhookDelivery.groupBy({ by: ["subscriptionId"], where: { workspaceId }, _max: { receivedAt: true } });
  const lastBy = new Map(last.map((l) => [l.subscriptionId, l._max.receivedAt]));
  return subs.map((s) => ({ ...s, deliveries: s._count.deliveries, lastDeliveryAt: lastBy.get(s.id) ?? null }));
}
