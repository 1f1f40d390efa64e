// Workspace settings → API keys: create (shown once, optionally expiring), list with creator,
// last use and expiry, revoke.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { listApiKeys } from "@/server/data/api-keys";
import { requireMember } from "@/server/auth/guards";
import { createKeyAction, revokeKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  const keys = await listApiKeys(ctx.scope);
  const tz = ctx.workspace.timeZone;
  const now = Date.now();
  return (
    <div className="space-y-6">
      <Card
        title="API keys"
        description={
          <>
            Keys let your own tools (Power BI, Excel, scripts) read this workspace through the JSON API. See the{" "}
            <Link className="text-brand-700 underline" href={`/w/${slug}/api-docs`}>
              API documentation
            </Link>
            .
          </>
        }
      >
        <CreateKeyForm action={createKeyAction.bind(null, slug)} />
      </Card>
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">Create one above; it is shown once, and only its first characters are kept visible.</EmptyState>
      ) : (
        <TableFrame label="API keys">
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Created</Th>
                <Th>Created by</Th>
                <Th>Last used</Th>
                <Th>Expires</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <Td className="font-medium">{k.name}</Td>
                  <Td>
                    <code className="font-mono text-xs">{k.prefix}…</code>
                  </Td>
                  <Td>{formatDateTime(k.createdAt, tz)}</Td>
                  <Td>{k.createdBy ?? (k.createdById ? "a deleted account" : "ops CLI")}</Td>
                  <Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, tz) : "Never"}</Td>
                  <Td>{k.expiresAt ? formatDateTime(k.expiresAt, tz) : "Never"}</Td>
                  <Td>
                    {k.revokedAt ? (
                      <span className="text-slate-600">
                        Revoked {formatDateTime(k.revokedAt, tz)}
                        {k.revokedReason ? ` (${k.revokedReason})` : ""}
                      </span>
                    ) : k.expiresAt && k.expiresAt.getTime() <= now ? (
                      <span className="text-slate-600">Expired</span>
                    ) : (
                      <span className="font-medium text-emerald-700">Active</span>
                    )}
                  </Td>
                  <Td className="text-right">
                    {!k.revokedAt && <ActionForm inline action={revokeKeyAction.bind(null, slug, k.id)} submitLabel={`Revoke`} variant="danger" />}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
