import type { ReactNode } from "react";
import { LiveRefresh } from "@/components/live-refresh";
import { PrintButton } from "./print-button";

/** Title row of a report page: what it shows, for which period, and its actions (export, print). */
/** `live` (the workspace slug) subscribes the page to data changes: it refreshes itself when new sessions arrive. */
export function ReportHeader({ title, subtitle, actions, print = true, live }: { title: string; subtitle?: ReactNode; actions?: ReactNode; print?: boolean; live?: string }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      <div className="no-print flex flex-wrap items-center gap-2">
        {live && <LiveRefresh slug={live} />}
        {actions}
        {print && <PrintButton />}
      </div>
    </div>
  );
}
