import "server-only";
// Reads of a workspace's API keys for the settings page, and the summary shape the key
// service (server/api/keys.ts) also answers with. Never the hash: only the shown prefix.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db, type Db } from "@/server/db/client";

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  createdById: string | null;
};
export type ApiKeyListed = ApiKeySummary & { createdBy: string | null };

export const API_KEY_SUMMARY = {
  id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, revokedReason: true, createdById: true,
} as const;

/** Live keys first, then newest, each with the email of the member who created it. */
export async function listApiKeys({ workspaceId }: WorkspaceScope, client: Db = db): Promise<ApiKeyListed[]> {
  const keys = await client.apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: API_KEY_SUMMARY,
  });
  const ids = [...new Set(keys.flatMap((k) => (k.createdById ? [k.createdById] : [])))];
  const users = ids.length ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const email = new Map(users.map((u) => [u.id, u.email]));
  return keys.map((k) => ({ ...k, createdBy: k.createdById ? (email.get(k.createdById) ?? null) : null }));
}
