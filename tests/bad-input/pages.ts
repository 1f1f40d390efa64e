// Pages (app/**/page.tsx): tampered path segments and hostile query strings, signed in and not.
// A page may redirect, answer its 404/403 page, or ignore a filter it cannot read; never a 5xx.
import fc from "fast-check";
import { draw, invalidToken, nastyString, seg } from "./arbitraries";
import type { Case, CaseContext } from "./case";

const QUERY_KEYS = [
  "range", "from", "to", "collection", "simulator", "scenario", "instructor", "company", "costCenter", "q", "result",
  "sort", "dir", "page", "size", "cols", "by", "bsort", "all", "term", "rows", "sortDirection", "callbackUrl", "error",
  "action", "user", "trainee", "tab", "view",
];

/** Turns "app/w/[slug]/trainees/[traineeId]/page.tsx" into a path builder. */
export function pagePath(file: string): (seg: Record<string, string>) => string {
  const parts = file.replace(/^app\//, "").replace(/\/?page\.tsx$/, "").split("/").filter((p) => p && !/^\(.*\)$/.test(p));
  return (values) => `/${parts.map((p) => (p.startsWith("[") ? (values[p.slice(1, -1)] ?? "x") : p)).join("/")}`;
}

export function pageCases(file: string, ctx: CaseContext): Case[] {
  const build = pagePath(file);
  const dyn = [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
  const good: Record<string, string> = { slug: ctx.slug, token: ctx.inviteToken, userId: ctx.foreign.senarUserId, traineeId: ctx.foreign.traineeId };
  const owner = { cookie: ctx.cookie.owner };
  const out: Case[] = [];
  const page = (label: string, path: string, headers: Record<string, string> = owner): Case => ({ label, method: "GET", path, headers, expect: "page" });
  for (const [k, cookie] of Object.entries(ctx.badCookies)) out.push(page(`bad session (${k})`, build(good), { cookie }));
  out.push(page("outsider session", build(good), { cookie: ctx.cookie.outsider }));
  for (const d of dyn) {
    const values = [...(d === "slug" ? [ctx.otherSlug, ctx.slug.toUpperCase()] : []), ...draw(invalidToken, 8, `${file}:${d}`)];
    for (const [i, v] of values.entries()) out.push(page(`tampered ${d} #${i}`, build({ ...good, [d]: seg(v) || "x" })));
  }
  const queries = draw(fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), nastyString), { minLength: 1, maxLength: 4 }), 22, `${file}:query`);
  for (const [i, q] of queries.entries()) {
    const u = new URLSearchParams();
    for (const [k, v] of q) u.append(k, v.replace(/[\ud800-\udfff]/g, "\ufffd"));
    out.push(page(`bad query #${i}`, `${build(good)}?${u.toString()}`));
  }
  out.push(page("huge query", `${build(good)}?q=${"9".repeat(6_000)}&page=${"9".repeat(400)}`));
  out.push({ ...page("POST to a page with junk", build(good)), method: "POST", body: draw(nastyString, 1, file)[0], headers: { ...owner, "content-type": "text/plain" } });
  return out;
}
