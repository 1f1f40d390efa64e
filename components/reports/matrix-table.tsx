// The competency matrix grid: trainees × scenarios. The header row and the trainee column stay in
// place while the grid scrolls (CSS sticky inside one scroll container, no virtualisation). Each
// cell carries its state as colour, symbol and text, so colour is never the only signal.
import Link from "next/link";
import { formatDate, formatPct } from "@/lib/format";
import type { Competency } from "@/lib/metrics";
import type { Matrix } from "@/server/data/reports/matrix";

export const CELL_STYLE: Record<Competency, { cls: string; symbol: string; label: string }> = {
  passed: { cls: "bg-emerald-100 text-emerald-950", symbol: "✓", label: "passed" },
  attempted: { cls: "bg-amber-100 text-amber-950", symbol: "✗", label: "attempted, not passed" },
  none: { cls: "bg-white text-slate-500", symbol: "–", label: "not attempted" },
};

export function MatrixLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-3 text-xs text-slate-700">
      {(Object.keys(CELL_STYLE) as Competency[]).map((k) => (
        <li key={k} className="inline-flex items-center gap-1.5">
          <span aria-hidden className={`inline-grid size-5 place-items-center rounded border border-slate-200 font-semibold ${CELL_STYLE[k].cls}`}>{CELL_STYLE[k].symbol}</span>
          {k === "passed" ? "Passed (best score ≥ pass mark)" : k === "attempted" ? "Attempted, not passed yet" : "Not attempted"}
        </li>
      ))}
    </ul>
  );
}

export function MatrixTable({ m, slug, timeZone }: { m: Matrix; slug: string; timeZone: string }) {
  return (
    <div
      role="region"
      aria-label="Competency matrix"
      tabIndex={0}
      className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm print:max-h-none print:overflow-visible"
    >
      <table className="border-separate border-spacing-0 text-sm">
        <caption className="sr-only">
          Best score per trainee and scenario in {m.collection?.title ?? "this collection"}; each cell says passed, attempted or not attempted.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 top-0 z-30 min-w-52 border-b border-r border-slate-200 bg-slate-50 px-3 py-2 text-left align-bottom text-xs font-semibold uppercase tracking-wide text-slate-600">
              Trainee
            </th>
            {m.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                title={`${c.simulator} · ${c.name} · pass mark ${formatPct(c.passMark, 0)}`}
                className="sticky top-0 z-20 w-24 min-w-24 max-w-28 border-b border-slate-200 bg-slate-50 px-2 py-2 text-left align-bottom"
              >
                <span className="block truncate text-[10px] font-medium uppercase tracking-wide text-slate-500">{c.simulator}</span>
                <span className="line-clamp-3 block text-xs font-semibold leading-tight text-slate-800">{c.name}</span>
              </th>
            ))}
            <th scope="col" className="sticky top-0 z-20 border-b border-l border-slate-200 bg-slate-50 px-3 py-2 text-right align-bottom text-xs font-semibold uppercase tracking-wide text-slate-600">
              Passed
            </th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.traineeId} className="group">
              <th scope="row" className="sticky left-0 z-10 border-b border-r border-slate-100 bg-white px-3 py-1.5 text-left font-normal group-hover:bg-slate-50">
                <Link href={`/w/${slug}/trainees/${encodeURIComponent(r.traineeId)}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {r.name}
                </Link>
                {r.company && <span className="block text-xs text-slate-600">{r.company}</span>}
              </th>
              {m.columns.map((c) => {
                const cell = r.cells[c.key];
                const state: Competency = cell?.state ?? "none";
                const st = CELL_STYLE[state];
                const detail = cell
                  ? `${c.name}: best ${formatPct(cell.best)}, ${cell.attempts} attempt${cell.attempts === 1 ? "" : "s"}${cell.firstPassAt ? `, first passed ${formatDate(cell.firstPassAt, timeZone)}` : ""}`
                  : `${c.name}: not attempted`;
                return (
                  <td key={c.key} title={detail} data-cell={`${r.traineeId}|${c.key}`} data-state={state} className={`relative border-b border-r border-white px-1.5 py-1.5 text-center tabular-nums ${st.cls}`}>
                    <span aria-hidden className="mr-1 font-semibold">{st.symbol}</span>
                    {cell ? <span className="text-xs font-medium">{formatPct(cell.best, 0)}</span> : null}
                    <span className="sr-only">{st.label}</span>
                  </td>
                );
              })}
              <td className="border-b border-l border-slate-100 px-3 py-1.5 text-right text-xs tabular-nums text-slate-700">
                {r.passed}/{m.columns.length}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="sticky left-0 z-10 border-r border-t border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold text-slate-700">
              Passed on this page
            </th>
            {m.columns.map((c) => (
              <td key={c.key} className="border-t border-slate-200 bg-slate-50 px-1.5 py-2 text-center text-xs tabular-nums text-slate-700">
                {m.rows.length ? formatPct(c.passedCount / m.rows.length, 0) : "—"}
              </td>
            ))}
            <td className="border-l border-t border-slate-200 bg-slate-50" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
