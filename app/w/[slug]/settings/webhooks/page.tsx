// Workspace settings, webhooks: register the Senar user/activity hooks, see their Senar ids and
// deliveries, unsubscribe (admins).
import type { Metadata } from "next";
import { RegisterHooks, UnsubscribeHook } from "@/components/sync/webhook-actions";
import { Card } from "@/components/ui/card";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { requireMember } from "@/server/auth/guards";
import { subscriptions } from "@/server/data/webhook-subscriptions";

export const metadata: Metadata = { title: "Webhooks" };

const fmt = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  const tz = ctx.workspace.timeZone;
  const subs = await subscriptions(ctx.scope);
  const active = subs.filter((s) => !s.revokedAt);
  return (
    <div className="space-y-6">
      <Card
        title="Senar webhooks"
        description="Senar posts new users and activities to the portal as they happen. Each registration gets its own secret URL."
      >
        <RegisterHooks slug={slug} />
        {active.length > 0 && <p className="mt-3 text-sm text-slate-600">{active.length} active. Registering again adds new hooks; unsubscribe the old ones.</p>}
      </Card>
      {subs.length > 0 && (
        <TableFrame label="Webhook subscriptions">
          <Table>
            <thead>
              <tr>
                <Th>Type</Th>
                <Th>Senar hook id</Th>
                <Th>Registered</Th>
                <Th numeric>Deliveries</Th>
                <Th>Last delivery</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {subs.map((s) => (
                <tr key={s.id}>
                  <Td>{s.method}</Td>
                  <Td className="font-mono">{s.senarHookId ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{fmt(s.createdAt, tz)}</Td>
                  <Td numeric>{s.deliveries.toLocaleString("en")}</Td>
                  <Td className="whitespace-nowrap">{s.lastDeliveryAt ? fmt(s.lastDeliveryAt, tz) : "—"}</Td>
                  <Td className="max-w-sm">{s.revokedAt ? `Revoked ${fmt(s.revokedAt, tz)}. ${s.unsubscribeNote ?? ""}` : "Active"}</Td>
                  <Td>{!s.revokedAt && <UnsubscribeHook slug={slug} id={s.id} label={s.method} />}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
