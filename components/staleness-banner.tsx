// Report pages: a banner when the cached data may be out of date (last success old, or the
// last run failed), with a link to the sync page. Server component; renders nothing when fine.
import Link from "next/link";
import type { WorkspaceScope } from "@/server/auth/scope";
import { staleness } from "@/server/data/sync-runs";

function ago(d: Date): string {
  const min = Math.round((Date.now() - d.getTime()) / 60_000);
  if (min < 90) return `${min} minute${min === 1 ? "" : "s"} ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} hours ago`;
  return `${Math.round(h / 24)} days ago`;
}

export async function StalenessBanner({ scope, slug }: { scope: WorkspaceScope; slug: string }) {
  const s = await staleness(scope);
  if (!s.stale) return null;
  const last = s.lastSuccessAt ? `The last successful sync was ${ago(s.lastSuccessAt)}.` : "No sync has succeeded yet.";
  return (
    <div role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3.5 py-2.5 text-sm text-amber-900">
      {s.lastFailed ? <strong className="font-semibold">The last sync failed{s.lastFailed.error ? `: ${s.lastFailed.error}` : "."} </strong> : null}
      {last} Figures may be out of date.{" "}
      <Link href={`/w/${slug}/sync`} className="font-medium underline underline-offset-2">
        See sync status
      </Link>
    </div>
  );
}
