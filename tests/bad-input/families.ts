// Families of malformed requests shared by the route generators: wrong methods and content
// types, broken credentials, tampered path segments, bad query strings and bodies, cross-site
// mutations. Each family yields cases that are invalid by construction (checked against the
// route's own zod schema where one exists), so any 2xx is a real bug.
import fc from "fast-check";
import type { z } from "zod";
import { draw, invalidJsonText, invalidToken, mutate, nastyString, seg, wrongContentType, wrongMethodFor, wrongType } from "./arbitraries";
import type { Case, CaseContext, Expect } from "./case";

export type Auth = { kind: "apikey" | "session" | "none"; minRole?: "VIEWER" | "ADMIN" | "OWNER" };

export type RouteSpec = {
  /** Path with the valid params filled in (the acme workspace). */
  path: (ctx: CaseContext, p?: { slug?: string; id?: string }) => string;
  methods: string[];
  auth: Auth;
  expect?: Expect;
  /** A valid query for GET (the families break it). */
  query?: {
    valid: Record<string, string>;
    schema?: z.ZodType;
    /** How the route itself reads its query, when not through route() (e.g. first value wins). */
    accepts?: (q: URLSearchParams) => boolean;
    keys: string[];
  };
  body?: { valid: Record<string, unknown>; schema: z.ZodType };
  /** Path params to tamper with. */
  params?: ("slug" | "id")[];
};

type Headers = Record<string, string>;

/** Credentials that are valid for the route (the case then breaks something else). */
export function goodAuth(ctx: CaseContext, auth: Auth): Headers {
  if (auth.kind === "apikey") return { authorization: `Bearer ${ctx.keys.acme}` };
  if (auth.kind === "session") return { cookie: ctx.cookie.owner, origin: ctx.origin };
  return {};
}

export function wrongMethods(ctx: CaseContext, spec: RouteSpec, name: string): Case[] {
  const expect = spec.expect ?? "api";
  const bodies = draw(fc.tuple(nastyString, wrongContentType), 8, `${name}:methods`);
  return wrongMethodFor(spec.methods).flatMap((method, i) =>
    bodies.slice(0, 8).map(([s, type], j) => ({
      label: `wrong method ${method} #${j}`,
      method,
      path: spec.path(ctx),
      headers: { ...goodAuth(ctx, spec.auth), ...(type ? { "content-type": type } : {}) },
      body: method === "GET" ? undefined : JSON.stringify({ x: s, i }),
      expect,
    })),
  );
}

export function badCredentials(ctx: CaseContext, spec: RouteSpec, name: string): Case[] {
  if (spec.auth.kind === "none") return [];
  const method = spec.methods[0]!;
  const path = spec.path(ctx);
  const body = spec.body ? JSON.stringify(spec.body.valid) : undefined;
  const json: Headers = body ? { "content-type": "application/json" } : {};
  const withWs = (p: string) => `${p}${p.includes("?") ? "&" : "?"}workspace=${ctx.slug}`;
  const out: Case[] = [];
  const add = (label: string, headers: Headers, p = path) => out.push({ label, method, path: p, headers: { ...json, ...headers }, body, expect: spec.expect ?? "api" });
  add("no credentials", {});
  for (const [k, cookie] of Object.entries(ctx.badCookies)) add(`bad session cookie (${k})`, { cookie, origin: ctx.origin }, spec.auth.kind === "apikey" ? withWs(path) : path);
  if (spec.auth.kind === "apikey") {
    add("revoked key", { authorization: `Bearer ${ctx.keys.revoked}` });
    add("Basic scheme", { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` });
    add("empty bearer", { authorization: "Bearer " });
    add("two bearer tokens", { authorization: `Bearer ${ctx.keys.acme} ${ctx.keys.acme}` });
    add("key with a flipped character", { authorization: `Bearer ${ctx.keys.acme.slice(0, -1)}${ctx.keys.acme.endsWith("A") ? "B" : "A"}` });
    for (const [i, s] of draw(invalidToken, 6, `${name}:bearer`).entries()) add(`nasty bearer #${i}`, { authorization: `Bearer ${s.replace(/[^\x21-\x7e]/g, "x")}` });
    add("session without ?workspace", { cookie: ctx.cookie.owner, origin: ctx.origin });
    add("session naming a foreign workspace", { cookie: ctx.cookie.owner, origin: ctx.origin }, `${path}${path.includes("?") ? "&" : "?"}workspace=${ctx.otherSlug}`);
    add("outsider session naming acme", { cookie: ctx.cookie.outsider, origin: ctx.origin }, withWs(path));
    if (spec.auth.minRole === "ADMIN") add("viewer session for an admin call", { cookie: ctx.cookie.viewer, origin: ctx.origin }, withWs(path));
  } else {
    add("outsider session", { cookie: ctx.cookie.outsider, origin: ctx.origin });
    if (spec.auth.minRole && spec.auth.minRole !== "VIEWER") add("viewer session for an admin call", { cookie: ctx.cookie.viewer, origin: ctx.origin });
    if (method !== "GET") {
      add("cross-site origin", { cookie: ctx.cookie.owner, origin: "https://evil.example" });
      add("cross-site fetch metadata", { cookie: ctx.cookie.owner, "sec-fetch-site": "cross-site" });
      add("null origin", { cookie: ctx.cookie.owner, origin: "null" });
    }
  }
  return out;
}

export function tamperedParams(ctx: CaseContext, spec: RouteSpec, name: string): Case[] {
  const out: Case[] = [];
  const method = spec.methods[0]!;
  const body = spec.body ? JSON.stringify(spec.body.valid) : undefined;
  const headers = { ...goodAuth(ctx, spec.auth), ...(body ? { "content-type": "application/json" } : {}) };
  for (const which of spec.params ?? []) {
    const fixed = which === "slug" ? [ctx.otherSlug, ctx.slug.toUpperCase(), `${ctx.slug}-x`, "x".repeat(65)] : [ctx.foreign.senarUserId, "x".repeat(201)];
    const values = [...fixed.map(encodeURIComponent), ...draw(invalidToken, 10, `${name}:${which}`).map(seg)];
    for (const [i, v] of values.entries()) {
      out.push({ label: `tampered ${which} #${i}`, method, path: spec.path(ctx, { [which]: v }), headers, body, expect: spec.expect ?? "api" });
    }
  }
  return out;
}

const qs = (q: Record<string, string | string[]>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) u.append(k, one);
  return u.toString();
};

export function badQueries(ctx: CaseContext, spec: RouteSpec, name: string, n = 20): Case[] {
  if (!spec.query) return [];
  const { valid, keys, schema } = spec.query;
  const arb = fc.record({
    key: fc.constantFrom(...keys, "__proto__", "extra"),
    how: fc.constantFrom("nasty", "repeat", "huge", "unknown"),
    value: nastyString,
    value2: nastyString,
  });
  const queries = draw(arb, n * 4, `${name}:query`)
    .map(({ key, how, value, value2 }) => {
      const q: Record<string, string | string[]> = { ...valid };
      if (how === "repeat") q[key] = [value, value2];
      else if (how === "huge") q[key] = "9".repeat(4_000);
      else if (how === "unknown") q[`${key}_${value.slice(0, 5)}`] = value2;
      else q[key] = value;
      return q;
    })
    // Only queries the route's own schema refuses: a lenient route may rightly accept the rest.
    .filter((q) => (spec.query!.accepts ? !spec.query!.accepts(new URLSearchParams(qs(q))) : !schema || !schema.safeParse(flat(q)).success))
    .slice(0, n);
  const base = spec.path(ctx);
  return queries.map((q, i) => ({
    label: `bad query #${i} ${JSON.stringify(q).slice(0, 80)}`,
    method: "GET",
    path: `${base}${base.includes("?") ? "&" : "?"}${qs(q)}`,
    headers: goodAuth(ctx, spec.auth),
    expect: spec.expect ?? "api",
  }));
}

/** What the route sees: repeated keys become arrays, like queryObject() in server/http/route.ts. */
function flat(q: Record<string, string | string[]>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? v[0] : v]));
}

export function badBodies(ctx: CaseContext, spec: RouteSpec, name: string, n = 20): Case[] {
  if (!spec.body) return [];
  const method = spec.methods.find((m) => m !== "GET") ?? "POST";
  const auth = goodAuth(ctx, spec.auth);
  const path = spec.path(ctx);
  const expect = spec.expect ?? "api";
  const json = { ...auth, "content-type": "application/json" };
  const out: Case[] = [];
  for (const [i, text] of draw(invalidJsonText, 6, `${name}:json`).entries()) out.push({ label: `invalid JSON #${i}`, method, path, headers: json, body: text, expect });
  for (const [i, type] of ["text/plain", "application/x-www-form-urlencoded", "application/xml", ""].entries()) {
    out.push({ label: `wrong content type #${i} (${type || "none"})`, method, path, headers: { ...auth, ...(type ? { "content-type": type } : {}) }, body: JSON.stringify(spec.body.valid), expect });
  }
  out.push({ label: "empty body", method, path, headers: json, body: "", expect });
  out.push({ label: "JSON null", method, path, headers: json, body: "null", expect });
  for (const [i, v] of draw(wrongType, 4, `${name}:root`).entries()) out.push({ label: `wrong root type #${i}`, method, path, headers: json, body: JSON.stringify(v), expect });
  out.push({ label: "2 MB body", method, path, headers: json, body: JSON.stringify({ ...spec.body.valid, pad: "x".repeat(2_000_000) }), expect });
  const mutated = mutate(spec.body.valid, `${name}:body`, n * 4)
    .filter((b) => !spec.body!.schema.safeParse(b).success)
    .slice(0, n);
  for (const [i, b] of mutated.entries()) out.push({ label: `mutated body #${i}`, method, path, headers: json, body: JSON.stringify(b), expect });
  return out;
}

/** Every family for one route. */
export function routeCases(spec: RouteSpec, name: string) {
  return (ctx: CaseContext): Case[] => [
    ...wrongMethods(ctx, spec, name),
    ...badCredentials(ctx, spec, name),
    ...tamperedParams(ctx, spec, name),
    ...badQueries(ctx, spec, name),
    ...badBodies(ctx, spec, name),
  ];
}
