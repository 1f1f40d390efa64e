"use client";
// "Sync now" with a live progress bar: starts the run, then polls the small progress route
// until the run ends, and refreshes the page (history, last success) when it does.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

type Run = { id: string; status: string; phase: string; percent: number | null; counts: { users: Record<string, number>; activities: Record<string, number> } } | null;

const sum = (k: Record<string, number> | undefined) => (k ? Object.values(k).reduce((a, b) => a + b, 0) : 0);

export function SyncNow({ slug, canStart, initial }: { slug: string; canStart: boolean; initial: Run }) {
  const router = useRouter();
  const [run, setRun] = useState<Run>(initial);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const hydrated = useHydrated();
  const running = run?.status === "RUNNING";
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const poll = useCallback(async () => {
    try {
      const res = await fetch(`/api/w/${slug}/sync/progress`, { cache: "no-store" });
      if (!res.ok) return;
      const body = (await res.json()) as { run: Run };
      setRun(body.run);
      if (body.run?.status !== "RUNNING") router.refresh();
    } catch {
      /* a missed poll is retried */
    }
  }, [slug, router]);

  useEffect(() => {
    if (!running) return;
    timer.current = setTimeout(() => void poll(), 1_000);
    return () => clearTimeout(timer.current);
  }, [running, run, poll]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const res = await fetch(`/api/w/${slug}/sync`, { method: "POST" });
      const body = (await res.json()) as { run?: Run; error?: { message: string } };
      if (!res.ok) setError(body.error?.message ?? "The sync could not be started.");
      else setRun(body.run ?? null);
    } catch {
      setError("The portal could not be reached.");
    } finally {
      setStarting(false);
    }
  }

  const done = sum(run?.counts.users) + sum(run?.counts.activities);
  return (
    <div className="space-y-3">
      {canStart && (
        <Button onClick={() => void start()} disabled={starting || running || !hydrated}>
          {running ? "Sync running…" : starting ? "Starting…" : "Sync now"}
        </Button>
      )}
      {running && (
        <div>
          <div className="mb-1 flex justify-between text-sm text-slate-600">
            <span>
              {run.phase === "users" ? "Fetching users" : run.phase === "activities" ? "Fetching activities" : "Finishing"} · {done.toLocaleString("en")} records
            </span>
            {run.percent !== null && <span>{run.percent} %</span>}
          </div>
          <div
            role="progressbar"
            aria-label="Sync progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={run.percent ?? undefined}
            aria-valuetext={run.percent === null ? `${done} records so far` : `${run.percent} %`}
            className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
          >
            <div className={`h-full rounded-full bg-brand-600 transition-all ${run.percent === null ? "w-1/3 animate-pulse" : ""}`} style={run.percent === null ? undefined : { width: `${run.percent}%` }} />
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
