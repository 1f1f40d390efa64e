// The families that break the request around the input rather than the input itself: cookies
// (bad percent-encoding, 10 KB, duplicate names, another deployment's session), headers (spoofed
// X-Forwarded-For, missing or foreign Origin, wrong Content-Type, a duplicated Content-Length)
// and URLs (control characters; hostile callbackUrl values, whose redirect must stay on our
// origin). Each family maps target labels to cases, like the route, page and action generators.
import fc from "fast-check";
import { draw } from "./arbitraries";
import type { Case, CaseContext } from "./case";

export type FamilyCases = Record<string, Case[]>;

const SESSION = "next-auth.session-token";

/** Cookie headers that must never crash anything; `withSession` ones also carry the owner's cookie. */
function hostileCookies(ctx: CaseContext): { label: string; cookie: string; withSession: boolean }[] {
  const junk: [string, string][] = [
    ["_ga with a stray %", "_ga=GA1.%zz"],
    ["a lone %", "x=%"],
    ["truncated UTF-8 escape", "_gid=%E0%A4%A"],
    ["invalid UTF-8 escape", "pref=%C3%28%FF"],
    ["encoded NUL and CR LF", "t=%00%0D%0Aset-cookie:%20x=1"],
    ["10 KB cookie", `big=${"a".repeat(10_240)}`],
    ["empty names and values", "=; ;; =x; a=; ="],
    ["quoted value and odd names", `"q"="v"; a b=c; c=d=e; \\=1`],
    ["Latin-1 bytes", "name=\u00e9\u00ff\u00a0"],
    ["session cookie with a stray %", `${SESSION}=%zz`],
    ["session cookie with a truncated escape", `${SESSION}=%E0%A4%A`],
    ["10 KB session cookie", `${SESSION}=${"eyJ".repeat(3_414)}`],
    ["chunked session cookie, garbage", `${SESSION}.0=garbage; ${SESSION}.1=%zz`],
    ["__Secure- session cookie over http", `__Secure-${SESSION}=garbage`],
    ["two session cookies, both garbage", `${SESSION}=garbage; ${SESSION}=%zz`],
    ["session from another deployment's secret", ctx.badCookies["foreign secret"] ?? `${SESSION}=x`],
  ];
  const owner = ctx.cookie.owner;
  return [
    ...junk.map(([label, cookie]) => ({ label, cookie, withSession: false })),
    ...junk.slice(0, 9).map(([label, cookie]) => ({ label: `${label}, before a valid session`, cookie: `${cookie}; ${owner}`, withSession: true })),
    { label: "two session cookies, the first garbage", cookie: `${SESSION}=garbage; ${owner}`, withSession: true },
    { label: "two session cookies, the second garbage", cookie: `${owner}; ${SESSION}=garbage`, withSession: true },
    { label: "another deployment's session, then ours", cookie: `${ctx.badCookies["foreign secret"]}; ${owner}`, withSession: true },
  ];
}

export function cookieCases(ctx: CaseContext): FamilyCases {
  const cookies = hostileCookies(ctx);
  const ws = `/api/w/${ctx.slug}`;
  const get = (path: string, expectSignedOut: Case["expect"]) => (c: { label: string; cookie: string; withSession: boolean }): Case => ({
    label: c.label,
    method: "GET",
    path,
    headers: { cookie: c.cookie },
    // Without a valid session a session route must refuse in its error shape; with one, anything but a 5xx.
    expect: c.withSession ? "any" : expectSignedOut,
  });
  // Target labels name the route, not the slug: the suite lists them before the portal runs.
  return {
    "GET /api/w/[slug]/events": cookies.filter((c) => !c.withSession).map(get(`${ws}/events`, "api")), // a live stream when signed in
    "GET /api/w/[slug]/sync/progress": cookies.map(get(`${ws}/sync/progress`, "api")),
    "POST /api/w/[slug]/sync": cookies
      .filter((c) => !c.withSession) // with a valid session it would start a sync
      .map((c) => ({ ...get(`${ws}/sync`, "api")(c), method: "POST", headers: { cookie: c.cookie, origin: ctx.origin } })),
    "GET /api/v1/usage (API key)": cookies.map((c) => ({
      label: c.label,
      method: "GET",
      path: "/api/v1/usage",
      headers: { cookie: c.cookie, authorization: `Bearer ${ctx.keys.acme}` },
      expect: "any",
    })),
    "GET /api/auth/session": cookies.map(get("/api/auth/session", "nextauth")),
    "GET /w/[slug]": cookies.map(get(`/w/${ctx.slug}`, "page")),
    "GET /account": cookies.map(get("/account", "page")),
    "GET /signin": cookies.map(get("/signin", "page")),
    "GET /": cookies.map(get("/", "page")),
  };
}

/**
 * A Content-Length the parser must refuse, before any app code: sent raw, as fetch never would.
 * Should one get through, it still cannot write: the body is invalid, or there is no session.
 */
function rawPost(ctx: CaseContext, path: string, label: string, head: string[], body: string, session: boolean): Case {
  const host = new URL(ctx.origin).host;
  const lines = [`POST ${path} HTTP/1.1`, `Host: ${host}`, ...(session ? [`Cookie: ${ctx.cookie.owner}`] : []), `Origin: ${ctx.origin}`, "Content-Type: application/json", ...head, "Connection: close"];
  return { label, method: "POST", path, raw: `${lines.join("\r\n")}\r\n\r\n${body}`, expect: "any" };
}

export function headerCases(ctx: CaseContext): FamilyCases {
  const ws = `/api/w/${ctx.slug}`;
  const admin = { cookie: ctx.cookie.owner };
  const randomIps = draw(fc.ipV4(), 16, "xff");
  const junkXff = ["unknown", "::::", "1.1.1.1, , ,", ", ,", "not-an-ip", "999.999.999.999", "[::1]:80", `${"1.2.3.4, ".repeat(200)}5.6.7.8`, "127.0.0.1\u00a0", "fe80::1%eth0"];
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  // Wrong passwords for an account nobody has, each from a "different" address (see the suite's
  // throttle check: with no TRUST_PROXY these must all be counted against one address).
  const spray: Case[] = randomIps.map((ip, i) => ({
    label: `sign-in with X-Forwarded-For ${ip} #${i}`,
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: ctx.csrf.cookie,
      origin: ctx.origin,
      "x-forwarded-for": ip,
      "x-real-ip": ip,
      forwarded: `for=${ip}`,
    },
    body: form({ email: "xff-spray@nobody.test", password: `wrong-${i}`, csrfToken: ctx.csrf.token, json: "true" }),
    expect: "nextauth",
  }));
  const xffElsewhere: Case[] = junkXff.flatMap((v, i): Case[] => [
    { label: `X-Forwarded-For "${v.slice(0, 30)}" on a page #${i}`, method: "GET", path: `/w/${ctx.slug}`, headers: { ...admin, "x-forwarded-for": v }, expect: "any" },
    { label: `X-Forwarded-For "${v.slice(0, 30)}" on the API #${i}`, method: "GET", path: "/api/v1/usage", headers: { authorization: `Bearer ${ctx.keys.acme}`, "x-forwarded-for": v }, expect: "any" },
    {
      label: `X-Forwarded-For "${v.slice(0, 30)}" on sign-in #${i}`,
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: ctx.csrf.cookie, origin: ctx.origin, "x-forwarded-for": v },
      body: form({ email: "xff-spray@nobody.test", password: "wrong", csrfToken: ctx.csrf.token, json: "true" }),
      expect: "nextauth",
    },
  ]);

  // Mutations with a valid session but a foreign (or no, with Sec-Fetch-Site cross-site) Origin: 403.
  // (Not http://localhost:<port>: that is this very server under another name, which Next reports as the request's own origin.)
  const foreignOrigins = ["https://evil.example", "null", `${ctx.origin}.evil.example`, "http://127.0.0.1:1", "file://", ctx.origin.replace("http:", "https:")];
  const mutations = [`${ws}/sync`, `${ws}/senar/refresh`, `${ws}/senar/webhooks`];
  const originCases: Case[] = mutations.flatMap((path) => [
    ...foreignOrigins.map((origin): Case => ({
      label: `Origin ${origin}`,
      method: "POST",
      path,
      headers: { ...admin, origin, "content-type": "application/json" },
      body: JSON.stringify({ list: "users" }),
      expect: "api",
    })),
    { label: "no Origin, Sec-Fetch-Site cross-site", method: "POST", path, headers: { ...admin, "sec-fetch-site": "cross-site", "content-type": "application/json" }, body: JSON.stringify({ list: "users" }), expect: "api" },
    { label: "no Origin, Sec-Fetch-Site same-site", method: "POST", path, headers: { ...admin, "sec-fetch-site": "same-site", "content-type": "application/json" }, body: JSON.stringify({ list: "users" }), expect: "api" },
  ]);
  // No Origin at all is a non-browser client by design (SECURITY.md): allowed, so only a route
  // whose body is still wrong can show it refuses nothing else and writes nothing.
  originCases.push(
    ...["{not json", JSON.stringify({ list: "everything" }), ""].map((b, i): Case => ({
      label: `no Origin, invalid body #${i}`,
      method: "POST",
      path: `${ws}/senar/refresh`,
      headers: { ...admin, "content-type": "application/json" },
      body: b,
      expect: "api",
    })),
  );
  const pageOrigins: Case[] = ["https://evil.example", "null"].flatMap((origin): Case[] => [
    { label: `POST /signin with Origin ${origin}`, method: "POST", path: "/signin", headers: { origin, "content-type": "text/plain" }, body: "x", expect: "any" },
    {
      label: `sign-out with Origin ${origin}`,
      method: "POST",
      path: "/api/auth/signout",
      headers: { origin, cookie: `${ctx.csrf.cookie}; ${ctx.cookie.viewer}`, "content-type": "application/x-www-form-urlencoded" },
      body: form({ csrfToken: "forged", callbackUrl: "https://evil.example/" }),
      expect: "nextauth",
      sameOrigin: true,
    },
  ]);

  // A valid JSON body under a type that is not JSON: 415, before the body is read.
  const types = ["text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "application/jsonp", "text/json", "application/ json", "json"];
  const typeCases: Case[] = [
    ...types.map((type): Case => ({ label: `Content-Type ${type} (session)`, method: "POST", path: `${ws}/senar/refresh`, headers: { ...admin, origin: ctx.origin, "content-type": type }, body: JSON.stringify({ list: "users" }), expect: "api" })),
    { label: "no Content-Type (session)", method: "POST", path: `${ws}/senar/refresh`, headers: { ...admin, origin: ctx.origin }, body: new TextEncoder().encode(JSON.stringify({ list: "users" })), expect: "api" },
    ...types.map((type): Case => ({
      label: `Content-Type ${type} (API key)`,
      method: "POST",
      path: "/api/v1/users",
      headers: { authorization: `Bearer ${ctx.keys.acme}`, "content-type": type },
      body: JSON.stringify({ firstName: "Ada", lastName: "Lovelace", email: "ada@example.test", language: "en", password: "secret123", collectionIds: [1] }),
      expect: "api",
    })),
    ...["application/json", "multipart/form-data; boundary=x", "text/plain"].map((type): Case => ({
      label: `sign-in as ${type}`,
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { cookie: ctx.csrf.cookie, origin: ctx.origin, "content-type": type },
      body: JSON.stringify({ email: "xff-spray@nobody.test", password: "wrong", csrfToken: ctx.csrf.token }),
      expect: "nextauth",
    })),
  ];

  const body = JSON.stringify({ list: "everything" });
  const targets: [string, boolean][] = [[`${ws}/senar/refresh`, true], [`${ws}/sync`, false]];
  const rawCases: Case[] = targets.flatMap(([path, session]) => [
    rawPost(ctx, path, "two different Content-Length", [`Content-Length: ${body.length}`, `Content-Length: ${body.length + 5}`], body, session),
    rawPost(ctx, path, "two equal Content-Length", [`Content-Length: ${body.length}`, `Content-Length: ${body.length}`], body, session),
    rawPost(ctx, path, "Content-Length list", [`Content-Length: ${body.length}, ${body.length}`], body, session),
    rawPost(ctx, path, "Content-Length and chunked", [`Content-Length: ${body.length}`, "Transfer-Encoding: chunked"], `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`, session),
    rawPost(ctx, path, "negative Content-Length", ["Content-Length: -1"], body, session),
    rawPost(ctx, path, "non-numeric Content-Length", ["Content-Length: 1e2"], body, session),
    rawPost(ctx, path, "Content-Length smaller than the body", [`Content-Length: ${body.length - 4}`], body, session),
  ]);

  return {
    "spoofed X-Forwarded-For": [...spray, ...xffElsewhere],
    "missing or foreign Origin": [...originCases, ...pageOrigins],
    "wrong Content-Type": typeCases,
    "duplicated Content-Length (raw)": rawCases,
  };
}

/** Hostile callbackUrl values: each would leave the origin if taken as a browser does. */
export const HOSTILE_CALLBACKS = [
  "/%09/evil.com",
  "//evil.com",
  "/\\evil.com",
  "javascript:alert(1)",
  "https://evil.com/",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "\\\\evil.com",
  "/\\/evil.com",
  "/%5Cevil.com",
  "/%2F/evil.com",
  "%2F%2Fevil.com",
  " //evil.com",
  "http:evil.com",
  "///evil.com",
  "/.//evil.com",
  "data:text/html,<script>alert(1)</script>",
  "JaVaScRiPt:alert(1)",
  "/w/../\\evil.com",
];

export function urlCases(ctx: CaseContext): FamilyCases {
  const q = (v: string) => `callbackUrl=${encodeURIComponent(v)}`;
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const cb = (target: string, make: (v: string, i: number) => Omit<Case, "label" | "sameOrigin">): Case[] =>
    HOSTILE_CALLBACKS.map((v, i) => ({ ...make(v, i), label: `${target} ${JSON.stringify(v)}`, sameOrigin: true }));

  const controls = ["%01", "%07", "%08", "%0B", "%0C", "%1B", "%1F", "%7F", "%0D%0AX-Injected:%20yes", "%C2%85", "%E2%80%AE", "%EF%BF%BF"];
  const paths = ["/", "/signin", `/w/${ctx.slug}`, `/w/${ctx.slug}/activities`, "/api/v1/usage", `/api/w/${ctx.slug}/sync/progress`, "/api/auth/session"];
  const controlCases: Case[] = paths.flatMap((p) =>
    controls.flatMap((c): Case[] => [
      { label: `control ${c} in the path`, method: "GET", path: `${p.replace(/\/$/, "")}/${c}x`, headers: { cookie: ctx.cookie.owner, authorization: `Bearer ${ctx.keys.acme}` }, expect: "any" },
      { label: `control ${c} in the query`, method: "GET", path: `${p}?q=${c}&page=${c}1&callbackUrl=${c}`, headers: { cookie: ctx.cookie.owner, authorization: `Bearer ${ctx.keys.acme}` }, expect: "any" },
    ]),
  );
  const host = new URL(ctx.origin).host;
  const rawControl = (label: string, target: string): Case => ({
    label,
    method: "GET",
    path: target,
    raw: `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${ctx.cookie.owner}\r\nConnection: close\r\n\r\n`,
    expect: "any",
  });
  const rawCases = [
    rawControl("raw tab in the path", `/w/${ctx.slug}/\tx`),
    rawControl("raw DEL in the path", `/w/${ctx.slug}/\u007fx`),
    rawControl("raw \\x01 in the query", "/signin?callbackUrl=/\u0001/evil.com"),
    rawControl("raw backslash path", "/\\evil.com"),
    rawControl("raw non-ASCII byte in the path", "/w/\u00e9"),
  ];

  return {
    "control characters in URLs": [...controlCases, ...rawCases],
    "callbackUrl: /signin signed in (server redirect)": cb("/signin", (v) => ({ method: "GET", path: `/signin?${q(v)}`, headers: { cookie: ctx.cookie.owner }, expect: "page" })),
    "callbackUrl: /signin signed out": cb("/signin", (v) => ({ method: "GET", path: `/signin?${q(v)}`, expect: "page" })),
    "callbackUrl: next-auth sign-in page": cb("/api/auth/signin", (v) => ({ method: "GET", path: `/api/auth/signin?${q(v)}`, expect: "nextauth" })),
    "callbackUrl: next-auth callback-url cookie": cb("next-auth.callback-url cookie", (v) => ({
      method: "GET",
      path: "/api/auth/signin",
      headers: { cookie: `next-auth.callback-url=${encodeURIComponent(v)}` },
      expect: "nextauth",
    })),
    "callbackUrl: next-auth callback-url cookie on /api/auth/session": cb("next-auth.callback-url cookie", (v) => ({
      method: "GET",
      path: "/api/auth/session",
      headers: { cookie: `next-auth.callback-url=${encodeURIComponent(v)}; ${ctx.cookie.viewer}` },
      expect: "nextauth",
    })),
    "callbackUrl: next-auth session and CSRF endpoints": cb("/api/auth/session|csrf", (v, i) => ({
      method: "GET",
      path: `/api/auth/${i % 2 ? "csrf" : "session"}?${q(v)}`,
      expect: "nextauth",
    })),
    "callbackUrl: next-auth sign-in that succeeds": cb("credentials", (v) => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: ctx.csrf.cookie, origin: ctx.origin },
      body: form({ email: ctx.account.email, password: ctx.account.password, csrfToken: ctx.csrf.token, callbackUrl: v }),
      expect: "nextauth",
    })),
    "callbackUrl: next-auth sign-in, JSON answer": cb("credentials json", (v) => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: ctx.csrf.cookie, origin: ctx.origin },
      body: form({ email: ctx.account.email, password: ctx.account.password, csrfToken: ctx.csrf.token, callbackUrl: v, json: "true" }),
      expect: "nextauth",
    })),
    "callbackUrl: next-auth sign-out": cb("signout", (v) => ({
      method: "POST",
      path: "/api/auth/signout",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: ctx.csrf.cookie, origin: ctx.origin },
      body: form({ csrfToken: ctx.csrf.token, callbackUrl: v }),
      expect: "nextauth",
    })),
  };
}
