"use client";
// Live updates for report pages: listens to the workspace's server-sent events and refreshes
// the server components when the data changed (new webhook delivery, sync progress). The
// browser's EventSource reconnects by itself when the server ends the stream (~55 s).
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function LiveRefresh({ slug }: { slug: string }) {
  const router = useRouter();
  const [live, setLive] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const es = new EventSource(`/api/w/${encodeURIComponent(slug)}/events`);
    es.addEventListener("ready", () => setLive(true));
    es.addEventListener("change", () => {
      // Bursts (a sync writing batches) cause one refresh, not one per event.
      clearTimeout(pending.current);
      pending.current = setTimeout(() => router.refresh(), 300);
    });
    es.onerror = () => setLive(false);
    return () => {
      clearTimeout(pending.current);
      es.close();
    };
  }, [slug, router]);

  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${live ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
      title={live ? "New data appears without reloading" : "Reconnecting to live updates"}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-slate-400"}`} />
      {live ? "Live" : "Offline"}
    </span>
  );
}
