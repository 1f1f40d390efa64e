// Server actions, called the way a browser calls them: POST to a page that uses the action, with
// the `Next-Action` id header and the arguments encoded as React's encodeReply does (JSON for
// plain arguments; multipart with "$K<n>" references when one argument is a FormData). Bound
// arguments (slug, ids) travel in clear from the browser, so they are attacker-controlled too.
import fc from "fast-check";
import { draw, invalidJsonText, invalidToken, nastyString, wrongType } from "./arbitraries";
import type { Case, CaseContext, CaseGenerator } from "./case";

const HUGE = "x".repeat(70_000);

/** encodeReply, for the argument kinds actions take here (strings, null, booleans, FormData, JSON). */
export function encodeArgs(args: unknown[]): { body: string | FormData; type?: string } {
  const form = new FormData();
  let next = 1;
  const esc = (v: unknown): unknown => {
    if (typeof v === "string") return v.startsWith("$") ? `$${v}` : v;
    if (v instanceof FormData) {
      const id = next++;
      for (const [k, value] of v) form.append(`_${id}_${k}`, value);
      return `$K${id.toString(16)}`;
    }
    if (Array.isArray(v)) return v.map(esc);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, esc(x)]));
    return v;
  };
  const root = JSON.stringify(args.map(esc));
  if (next === 1) return { body: root, type: "text/plain;charset=UTF-8" };
  form.set("0", root);
  return { body: form };
}

const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.append(k, v);
  return f;
};

type ActionSpec = {
  /** Builds the argument list; `scope` holds the bound arguments (slug, ids). */
  args: (scope: { slug: unknown; id: unknown; token: unknown }, form: unknown) => unknown[];
  /** Form fields with every value invalid (for the owner's own, otherwise valid, call). */
  badForms?: (salt: string) => Record<string, string>[];
  /** Which bound argument is a tamperable id (ids of rows in this workspace are never used). */
  bound: ("slug" | "id" | "token")[];
  /** Some actions need a session; public ones (setup, invite) are tried without one too. */
  page: (ctx: CaseContext, slug: string) => string;
};

const nasty = (salt: string, n: number) => draw(nastyString, n, salt);
const bad = (salt: string, n: number) => draw(invalidToken, n, salt);

/** Field sets where each value is out of range: too long, not an enum, not a number, not a URL. */
const invalidFields = (fields: Record<string, "text" | "enum" | "number" | "url" | "email" | "secret">) => (salt: string) =>
  draw(fc.tuple(invalidToken, nastyString), 8, salt).map(([t, s]) =>
    Object.fromEntries(
      Object.entries(fields).map(([k, kind]) => [
        k,
        kind === "text" ? HUGE : kind === "number" ? `${t}x` : kind === "url" ? `not a url ${t}` : kind === "email" ? `${t}@@` : kind === "secret" ? `${s}-wrong` : `${t}!`,
      ]),
    ),
  );

const wsPage = (sub: string) => (ctx: CaseContext, slug: string) => `/w/${encodeURIComponent(slug || ctx.slug)}${sub}`;

const SPECS: Record<string, ActionSpec> = {
  "app/w/[slug]/settings/actions.ts#saveGeneral": {
    args: (s, f) => [s.slug, null, f],
    badForms: invalidFields({ name: "text", timeZone: "enum", passMarkPct: "number", syncIntervalMinutes: "number" }),
    bound: ["slug"],
    page: wsPage("/settings"),
  },
  "app/w/[slug]/settings/actions.ts#removeWorkspace": {
    args: (s, f) => [s.slug, null, f],
    badForms: invalidFields({ confirmName: "secret" }),
    bound: ["slug"],
    page: wsPage("/settings"),
  },
  "app/w/[slug]/settings/api-keys/actions.ts#createKeyAction": {
    args: (s, f) => [s.slug, null, f],
    badForms: (salt) => [...invalidFields({ name: "text" })(salt), { name: "" }, { name: "   " }],
    bound: ["slug"],
    page: wsPage("/settings/api-keys"),
  },
  "app/w/[slug]/settings/api-keys/actions.ts#revokeKeyAction": { args: (s) => [s.slug, s.id, null], bound: ["slug", "id"], page: wsPage("/settings/api-keys") },
  "app/w/[slug]/settings/members/actions.ts#inviteAction": {
    args: (s, f) => [s.slug, null, f],
    badForms: invalidFields({ role: "enum", email: "email" }),
    bound: ["slug"],
    page: wsPage("/settings/members"),
  },
  "app/w/[slug]/settings/members/actions.ts#roleAction": {
    args: (s, f) => [s.slug, s.id, null, f],
    badForms: invalidFields({ role: "enum" }),
    bound: ["slug", "id"],
    page: wsPage("/settings/members"),
  },
  "app/w/[slug]/settings/members/actions.ts#toggleDisabledAction": {
    args: (s) => [s.slug, s.id, true, null],
    bound: ["slug", "id"],
    page: wsPage("/settings/members"),
  },
  "app/w/[slug]/settings/members/actions.ts#removeAction": { args: (s) => [s.slug, s.id, null], bound: ["slug", "id"], page: wsPage("/settings/members") },
  "app/w/[slug]/settings/members/actions.ts#revokeInviteAction": { args: (s) => [s.slug, s.id, null], bound: ["slug", "id"], page: wsPage("/settings/members") },
  "app/w/[slug]/settings/connection/actions.ts#saveConnection": {
    args: (s, f) => [s.slug, null, f],
    badForms: invalidFields({ baseUrl: "url", username: "text", password: "text" }),
    bound: ["slug"],
    page: wsPage("/settings/connection"),
  },
  "app/w/[slug]/settings/connection/actions.ts#runConnectionTest": { args: (s) => [s.slug, null], bound: ["slug"], page: wsPage("/settings/connection") },
  "app/w/actions.ts#createWorkspaceAction": {
    args: (_s, f) => [null, f],
    badForms: (salt) => [...invalidFields({ name: "text" })(salt), { name: "" }, { name: " x " }, { name: "\u0000" }],
    bound: [],
    page: () => "/w",
  },
  "app/account/actions.ts#saveProfile": { args: (_s, f) => [null, f], badForms: invalidFields({ name: "text" }), bound: [], page: () => "/account" },
  "app/account/actions.ts#changePasswordAction": {
    args: (_s, f) => [null, f],
    badForms: invalidFields({ current: "secret", password: "secret", confirm: "text" }),
    bound: [],
    page: () => "/account/security",
  },
  "app/account/language-actions.ts#chooseLanguage": { args: (_s, f) => [f], badForms: invalidFields({ locale: "enum", returnTo: "url" }), bound: [], page: () => "/account" },
  "app/account/actions.ts#confirmTwoFactorAction": { args: (_s, f) => [null, f], badForms: invalidFields({ code: "enum" }), bound: [], page: () => "/account/security" },
  "app/account/actions.ts#disableTwoFactorAction": { args: (_s, f) => [null, f], badForms: invalidFields({ password: "secret" }), bound: [], page: () => "/account/security" },
  "app/setup/actions.ts#setupAction": {
    // The portal is set up already: every call must be refused, however well-formed.
    args: (_s, f) => [null, f],
    badForms: (salt) => [
      ...invalidFields({ email: "email", password: "text", confirm: "text", name: "text", workspace: "text" })(salt),
      { email: "new@acme.test", password: "a long enough password", confirm: "a long enough password", name: "New", workspace: "New workspace" },
    ],
    bound: [],
    page: () => "/setup",
  },
  "app/invite/[token]/actions.ts#acceptAsCurrentUser": { args: (s) => [s.token, null], bound: ["token"], page: (ctx) => `/invite/${ctx.inviteToken}` },
  "app/invite/[token]/actions.ts#registerForInvite": {
    args: (s, f) => [s.token, null, f],
    badForms: invalidFields({ email: "email", password: "secret", confirm: "text", name: "text" }),
    bound: ["token"],
    page: (ctx) => `/invite/${ctx.inviteToken}`,
  },
};

function call(ctx: CaseContext, key: string, label: string, page: string, args: unknown[], headers: Record<string, string>): Case {
  const id = ctx.actionIds.get(key)?.id ?? "missing";
  const { body, type } = encodeArgs(args);
  return {
    label,
    method: "POST",
    path: page,
    headers: { "next-action": id, origin: ctx.origin, accept: "text/x-component", ...(type ? { "content-type": type } : {}), ...headers },
    body,
    expect: "action",
  };
}

function actionCases(key: string, spec: ActionSpec): CaseGenerator {
  return (ctx) => {
    const out: Case[] = [];
    const owner = { cookie: ctx.cookie.owner };
    const scope = { slug: ctx.slug, id: "no-such-id", token: "no-such-token" };
    const page = spec.page(ctx, ctx.slug);
    const form = spec.badForms?.(key)[0] ?? {};
    // Without invalid form values or a tampered id, an owner's call would be valid (and write):
    // such actions get a foreign slug in the cases that break something else.
    const base = spec.badForms || spec.bound.some((b) => b !== "slug") || spec.bound.length === 0 ? scope : { ...scope, slug: ctx.otherSlug };
    const plain = (s = base, f: unknown = fd(form)) => spec.args(s, f);
    // Credentials: none, broken, foreign, too weak.
    for (const [k, cookie] of Object.entries(ctx.badCookies)) out.push(call(ctx, key, `bad session (${k})`, page, plain(), { cookie }));
    out.push(call(ctx, key, "no session", page, plain(), {}));
    out.push(call(ctx, key, "outsider session", page, plain({ ...base, slug: ctx.slug }), { cookie: ctx.cookie.outsider }));
    out.push(call(ctx, key, "viewer session", page, plain(), { cookie: ctx.cookie.viewer }));
    out.push({ ...call(ctx, key, "cross-site origin", page, plain(), { ...owner, origin: "https://evil.example" }), framework: true });
    // Tampered bound arguments.
    for (const b of spec.bound) {
      const values: unknown[] = [b === "slug" ? ctx.otherSlug : "", ...bad(`${key}:${b}`, 8), ...draw(wrongType, 4, `${key}:${b}:type`)];
      for (const [i, v] of values.entries()) out.push(call(ctx, key, `tampered ${b} #${i}`, page, plain({ ...scope, [b]: v }), owner));
    }
    // Invalid form values from the owner (a real, authorized call with nothing valid in it).
    for (const [i, f] of (spec.badForms?.(key) ?? []).entries()) out.push(call(ctx, key, `invalid form #${i}`, page, plain(base, fd(f)), owner));
    // Wrong argument types: the form replaced by a string, number, array, object.
    for (const [i, v] of draw(wrongType, 5, `${key}:form`).entries()) out.push(call(ctx, key, `form of wrong type #${i}`, page, plain(base, v), owner));
    out.push(call(ctx, key, "no arguments", page, [], owner));
    // Only the slug: a missing id must not widen a query ("where id = undefined" matches any row).
    if (spec.bound.includes("id")) out.push(call(ctx, key, "bound id missing", page, [ctx.slug], owner));
    out.push(call(ctx, key, "too many arguments", page, [...plain(), ...nasty(`${key}:extra`, 3)], owner));
    // Broken transport: garbage reply bodies, a wrong content type, an unknown action id, 2 MB.
    for (const [i, text] of draw(invalidJsonText, 4, `${key}:reply`).entries()) {
      out.push({ ...call(ctx, key, `garbage reply #${i}`, page, [], owner), framework: true, body: text, headers: { ...call(ctx, key, "", page, [], owner).headers, "content-type": "text/plain;charset=UTF-8" } });
    }
    const junkForm = new FormData();
    junkForm.set("0", "[\"$K1\", \"$Q9\", \"$@7\"]");
    junkForm.set("_1_x", "y");
    out.push({ ...call(ctx, key, "dangling references", page, [], owner), framework: true, body: junkForm, headers: { "next-action": ctx.actionIds.get(key)?.id ?? "missing", origin: ctx.origin, ...owner } });
    out.push(call(ctx, key, "unknown action id", page, plain(), { ...owner, "next-action": "00".repeat(21) }));
    out.push({ ...call(ctx, key, "2 MB argument", page, plain(base, fd({ name: "x".repeat(2_000_000) })), owner), framework: true });
    return out;
  };
}

export const ACTION_CASES: Record<string, CaseGenerator> = Object.fromEntries(Object.entries(SPECS).map(([k, s]) => [k, actionCases(k, s)]));
