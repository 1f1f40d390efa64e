import { formatChange, formatPoints } from "@/lib/format";

/**
 * One KPI with its change against the previous period. `better` says which direction is good
 * (more sessions is good; more tries is not), so the colour means something; an arrow and the
 * sign carry the same information for people who do not see the colour.
 */
export function KpiCard({ id, label, value, delta, deltaKind = "relative", better = "up", previous, hint }: {
  id: string; label: string; value: string; delta: number | null; deltaKind?: "relative" | "points"; better?: "up" | "down" | "none"; previous: string; hint?: string;
}) {
  const text = deltaKind === "points" ? formatPoints(delta) : formatChange(delta);
  const dir = delta == null || Math.abs(delta) < 0.0005 ? 0 : delta > 0 ? 1 : -1;
  const good = better === "none" || dir === 0 ? null : (dir > 0) === (better === "up");
  const tone = good == null ? "text-slate-600 bg-slate-100" : good ? "text-emerald-800 bg-emerald-50" : "text-rose-800 bg-rose-50";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600" title={hint}>
        {label}
      </dt>
      <dd data-testid={`kpi-${id}`} className="mt-1.5 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      <dd className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span className={`inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 font-medium tabular-nums ${tone}`}>
          <span aria-hidden>{dir > 0 ? "▲" : dir < 0 ? "▼" : "•"}</span>
          {text}
        </span>
        <span className="text-slate-600">vs {previous}</span>
      </dd>
    </div>
  );
}
