// Senar users directory: the cached Senar users with search, sort and paging (state in the URL).
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { StudioNote } from "@/components/senar-users/studio-note";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SortTh, Table, TableFrame, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/reports/pagination";
import { formatDate, personName } from "@/lib/format";
import { roleAtLeast } from "@/server/auth/roles";
import { requireMember } from "@/server/auth/guards";
import { listSenarUsers, USER_SORT_FIELDS, type UserSortField } from "@/server/data/senar-user-directory";
import { studioUrl } from "@/server/data/workspace-settings";

export const metadata: Metadata = { title: "Senar users" };

const SIZE = 25;
// Pages parse leniently: a stale or hand-edited link falls back to defaults instead of failing.
const search = z.object({
  term: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(USER_SORT_FIELDS).catch("lastName"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function SenarUsersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug);
  const raw = await searchParams;
  const first = (k: string) => (Array.isArray(raw[k]) ? raw[k][0] : raw[k]);
  const s = search.parse({ term: first("term") || undefined, sort: first("sort"), dir: first("dir"), page: first("page") });
  const [list, studio] = await Promise.all([
    listSenarUsers(ctx.scope, { page: s.page - 1, rows: SIZE, term: s.term, sort: s.sort, sortDirection: s.dir === "desc" ? "DESC" : "ASC" }),
    studioUrl(ctx.scope),
  ]);
  const base = `/w/${slug}/senar-users`;
  const href = (patch: Partial<{ term: string; sort: UserSortField; dir: "asc" | "desc"; page: number }>) => {
    const next = { ...s, page: 1, ...patch };
    const q = new URLSearchParams();
    if (next.term) q.set("term", next.term);
    if (next.sort !== "lastName") q.set("sort", next.sort);
    if (next.dir !== "asc") q.set("dir", next.dir);
    if (next.page > 1) q.set("page", String(next.page));
    const qs = q.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const sortTh = (label: string, field: UserSortField) => (
    <SortTh label={label} active={s.sort === field} dir={s.dir} href={href({ sort: field, dir: s.sort === field && s.dir === "asc" ? "desc" : "asc" })} />
  );
  const admin = roleAtLeast(ctx.role, "ADMIN");
  const total = list._paging.totalElementCount;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Senar users</h1>
          <p className="mt-1 text-sm text-slate-600">Instructors and managers of the Senar account, as of the last sync.</p>
        </div>
        {admin && <ButtonLink href={`${base}/new`}>Add user</ButtonLink>}
      </div>
      <StudioNote studioUrl={studio} />
      <form method="get" action={base} role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="term" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="term"
            name="term"
            type="search"
            defaultValue={s.term ?? ""}
            placeholder="Name or email"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-2 focus:outline-brand-600"
          />
        </div>
        {s.sort !== "lastName" && <input type="hidden" name="sort" value={s.sort} />}
        {s.dir !== "asc" && <input type="hidden" name="dir" value={s.dir} />}
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Search
        </button>
        {s.term && (
          <Link href={href({ term: "" })} className="px-2 py-2 text-sm text-brand-700 underline">
            Clear
          </Link>
        )}
      </form>
      {total === 0 ? (
        <EmptyState title={s.term ? "No Senar user matches" : "No Senar users yet"}>
          {s.term ? "Try part of a name or an email address." : "They appear after the first sync with Senar."}
        </EmptyState>
      ) : (
        <>
          <TableFrame label="Senar users">
            <Table>
              <thead>
                <tr>
                  {sortTh("Name", "lastName")}
                  {sortTh("Email", "email")}
                  {sortTh("Profile", "profile")}
                  {sortTh("Language", "language")}
                  {sortTh("Country", "countryName")}
                  {sortTh("Created", "creationDate")}
                  <Th>
                    <span className="sr-only">Open</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {list.users.map((u) => (
                  <tr key={u.id} className="hover:bg-slate-50">
                    <Td className="font-medium">
                      <Link href={`${base}/${encodeURIComponent(u.id)}`} className="text-brand-700 hover:underline">
                        {personName(u.firstName, u.lastName)}
                      </Link>
                    </Td>
                    <Td>{u.email ?? "—"}</Td>
                    <Td>{u.profile ?? "—"}</Td>
                    <Td>{u.language ?? "—"}</Td>
                    <Td>{u.countryName ?? "—"}</Td>
                    <Td>{formatDate(u.creationDate, ctx.workspace.timeZone)}</Td>
                    <Td className="text-right">
                      <Link href={`${base}/${encodeURIComponent(u.id)}`} className="text-sm text-brand-700 hover:underline" aria-label={`Open ${personName(u.firstName, u.lastName)}`}>
                        Open
                      </Link>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableFrame>
          <Pagination page={s.page} pages={Math.max(1, list._paging.pageCount)} total={total} size={SIZE} hrefFor={(p) => href({ page: p })} noun="users" />
        </>
      )}
    </div>
  );
}
