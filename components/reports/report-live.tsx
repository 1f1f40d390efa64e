// Data freshness on report pages: the cache's staleness banner (last sync old or failed).
// The "Live" indicator (LiveRefresh) sits in the report header; see ReportHeader's `live` prop.
import { StalenessBanner } from "@/components/staleness-banner";

export function ReportLive({ slug, workspaceId }: { slug: string; workspaceId: string }) {
  return <StalenessBanner workspaceId={workspaceId} slug={slug} />;
}
