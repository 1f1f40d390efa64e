// Live updates and data freshness on report pages (the components belong to the cache/sync side).
export function ReportLive({ slug, workspaceId }: { slug: string; workspaceId: string }) {
  void slug;
  void workspaceId;
  return null;
}
