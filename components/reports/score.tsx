import { formatPct } from "@/lib/format";

/** A score with its result as text and symbol (never colour alone). */
export function ScoreCell({ score, passed }: { score: number | null; passed: boolean | null }) {
  return (
    <span className="inline-flex items-center justify-end gap-2 tabular-nums">
      {formatPct(score)}
      <ResultBadge passed={passed} />
    </span>
  );
}

export function ResultBadge({ passed }: { passed: boolean | null }) {
  if (passed == null) return <span className="text-xs text-slate-500">no score</span>;
  return passed ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
      <span aria-hidden>✓</span> Pass
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-rose-50 px-2 py-0.5 text-xs font-medium text-rose-800 ring-1 ring-rose-200">
      <span aria-hidden>✗</span> Fail
    </span>
  );
}

/** A thin bar for a rate (0–1), labelled by the text next to it. */
export function RateBar({ value, tone = "brand" }: { value: number | null; tone?: "brand" | "rose" | "amber" }) {
  const color = tone === "rose" ? "bg-rose-500" : tone === "amber" ? "bg-amber-500" : "bg-brand-600";
  return (
    <span aria-hidden className="inline-block h-1.5 w-16 overflow-hidden rounded-full bg-slate-200 align-middle">
      <span className={`block h-full ${color}`} style={{ width: `${Math.max(0, Math.min(1, value ?? 0)) * 100}%` }} />
    </span>
  );
}
