import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

/** A scrollable table frame: the table keeps its width, the frame scrolls (tablets included). */
export function TableFrame({ children, label, className = "" }: { children: ReactNode; label?: string; className?: string }) {
  return (
    // tabIndex lets keyboard users scroll a wide table; the region is named for screen readers.
    <div role="region" aria-label={label} tabIndex={label ? 0 : undefined} className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      {children}
    </div>
  );
}

export function Table({ className = "", ...props }: ComponentProps<"table">) {
  return <table className={`min-w-full border-collapse text-sm ${className}`} {...props} />;
}

export function Th({ className = "", numeric, ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={`whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 ${numeric ? "text-right" : "text-left"} ${className}`}
      {...props}
    />
  );
}

export function Td({ className = "", numeric, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td className={`border-b border-slate-100 px-3 py-2 text-slate-800 ${numeric ? "text-right tabular-nums" : ""} ${className}`} {...props} />;
}

/** A column header that sorts by linking to the same view with another order (state stays in the URL). */
export function SortTh({ label, href, active, dir, numeric }: { label: string; href: string; active: boolean; dir: "asc" | "desc"; numeric?: boolean }) {
  return (
    <Th numeric={numeric} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={href} scroll={false} className={`inline-flex items-center gap-1 hover:text-slate-900 ${active ? "text-slate-900" : ""}`}>
        {label}
        <span aria-hidden className={active ? "text-brand-700" : "text-slate-500"}>
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </Th>
  );
}
