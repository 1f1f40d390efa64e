import type { ReactNode } from "react";

/**
 * A chart with its accessible fallback: the chart is hidden from assistive technology, and the
 * same figures are in a table (collapsed on screen, expanded when printed).
 */
export function ChartFigure({ title, chart, headers, rows, caption }: {
  title: string;
  chart: ReactNode;
  headers: string[];
  rows: (string | number)[][];
  caption?: string;
}) {
  return (
    <figure>
      <div aria-hidden="true">{chart}</div>
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer text-brand-700 hover:underline">Show the data as a table</summary>
        <div className="mt-2 max-h-80 overflow-auto rounded border border-slate-200">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{caption ?? title}</caption>
            <thead>
              <tr>
                {headers.map((h, i) => (
                  <th key={h} scope="col" className={`bg-slate-50 px-3 py-1.5 text-xs font-semibold text-slate-700 ${i ? "text-right" : "text-left"}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className="border-t border-slate-100">
                  {r.map((c, j) => (j === 0 ? <th key={j} scope="row" className="px-3 py-1 text-left font-normal text-slate-800">{c}</th> : <td key={j} className="px-3 py-1 text-right tabular-nums">{c}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <figcaption className="sr-only">{title}: the figures are in the table that follows.</figcaption>
    </figure>
  );
}
