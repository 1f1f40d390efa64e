// Data freshness on report pages: the cache's staleness banner (last sync old or failed).
// The "Live" indicator (LiveRefresh) sits in the report header; see ReportHeader's `live` prop.
import { StalenessBanner } from "@/components/staleness-banner";
import type { WorkspaceScope } from "@/server/auth/scope";

export function ReportLive({ slug, scope }: { slug: string; scope: WorkspaceScope }) {
  return <StalenessBanner scope={scope} slug={slug} />;
}
