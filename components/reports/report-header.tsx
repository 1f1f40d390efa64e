import type { ReactNode } from "react";
import { PrintButton } from "./print-button";

/** Title row of a report page: what it shows, for which period, and its actions (export, print). */
export function ReportHeader({ title, subtitle, actions, print = true }: { title: string; subtitle?: ReactNode; actions?: ReactNode; print?: boolean }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      <div className="no-print flex flex-wrap items-center gap-2">
        {actions}
        {print && <PrintButton />}
      </div>
    </div>
  );
}
