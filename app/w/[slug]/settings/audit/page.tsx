// Audit log (admins): who changed what and when, newest first, 50 per page.
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireMember } from "@/server/auth/guards";
import { AUDIT_PAGE_SIZE, auditLogPage } from "@/server/data/audit-log";

export const metadata: Metadata = { title: "Audit log" };

function detailsText(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => {
      if (v && typeof v === "object" && "from" in v && "to" in v) return `${k}: ${String((v as { from: unknown }).from)} → ${String((v as { to: unknown }).to)}`;
      return `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`;
    })
    .join(", ");
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof sp.page === "string" ? sp.page : "1", 10) || 1));
  const { events, total } = await auditLogPage(ctx.scope, page);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: ctx.workspace.timeZone });
  return (
    <Card title="Audit log" description={`${total} event${total === 1 ? "" : "s"}, newest first. Times in ${ctx.workspace.timeZone}.`}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing recorded yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">When</th>
                <th scope="col" className="py-2 pr-4 font-medium">Who</th>
                <th scope="col" className="py-2 pr-4 font-medium">What</th>
                <th scope="col" className="py-2 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((e) => (
                <tr key={e.id.toString()} className="align-top">
                  <td className="whitespace-nowrap py-2 pr-4 text-slate-700">{fmt.format(e.createdAt)}</td>
                  <td className="py-2 pr-4 text-slate-900">{e.actorLabel}</td>
                  <td className="py-2 pr-4">
                    <span className="font-mono text-xs text-slate-900">{e.action}</span>
                    {e.target && <span className="text-slate-700"> · {e.target}</span>}
                  </td>
                  <td className="py-2 text-slate-700">{detailsText(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? <Link className="text-brand-700 underline" href={`?page=${page - 1}`}>Newer</Link> : <span />}
          <span className="text-slate-600">Page {page} of {pages}</span>
          {page < pages ? <Link className="text-brand-700 underline" href={`?page=${page + 1}`}>Older</Link> : <span />}
        </nav>
      )}
    </Card>
  );
}
