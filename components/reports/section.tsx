import type { ReactNode } from "react";

/** A titled block of a report (cards share one look across pages). */
export function Section({ title, description, actions, children, className = "", id }: {
  title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; id?: string;
}) {
  const hid = id ?? `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={hid} className={`break-inside-avoid rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h2 id={hid} className="text-sm font-semibold text-slate-900">{title}</h2>
          {description && <p className="mt-0.5 text-xs text-slate-600">{description}</p>}
        </div>
        {actions && <div className="no-print">{actions}</div>}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
