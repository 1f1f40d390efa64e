import Link from "next/link";
import { formatInt } from "@/lib/format";

/** Previous/next paging with the position; hrefs are built by the page so state stays in the URL. */
export function Pagination({ page, pages, total, capped, size, hrefFor, noun = "rows" }: {
  page: number; pages: number; total: number; capped?: boolean; size: number; hrefFor: (page: number) => string; noun?: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-500";
  return (
    <nav aria-label="Pagination" className="no-print mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {formatInt(first)}–{formatInt(last)} of {formatInt(total)}
        {capped ? "+" : ""} {noun}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? <Link className={link} href={hrefFor(1)} aria-label="First page">«</Link> : <span className={off} aria-hidden>«</span>}
        {page > 1 ? <Link className={link} href={hrefFor(page - 1)} rel="prev">Previous</Link> : <span className={off}>Previous</span>}
        <span className="px-1">
          Page {formatInt(page)} of {formatInt(pages)}
        </span>
        {page < pages ? <Link className={link} href={hrefFor(page + 1)} rel="next">Next</Link> : <span className={off}>Next</span>}
      </div>
    </nav>
  );
}
