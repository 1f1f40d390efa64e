// One case generator per route file (app/**/route.ts). The suite enumerates route files from the
// filesystem and fails for any file missing here, so a new route cannot go untested.
import { activitiesCsvQuery, activitiesQuery, summaryQuery } from "@/server/api/activity-endpoints";
import { usageQuery, usersQuery } from "@/server/api/schemas";
import { matrixFiltersSchema, parseFiltersStrict, reportFiltersSchema } from "@/lib/report-filters";
import { addUserSchema } from "@/lib/user-assign";
import { z } from "zod";
import fc from "fast-check";
import { draw, invalidJsonText, invalidToken, nastyString, seg, wrongContentType } from "./arbitraries";
import type { Case, CaseGenerator } from "./case";
import { routeCases, type RouteSpec } from "./families";

const validUser = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.test", language: "en", password: "secret123", collectionIds: [1] };
const strictWs = z.strictObject({ workspace: z.string().max(64).optional() });
const activityKeys = ["page", "rows", "term", "sort", "sortDirection", "from", "to", "collectionId", "simulatorId", "scenarioId", "userId", "traineeId", "company", "costCenter", "passed"];
const reportKeys = ["range", "from", "to", "collection", "simulator", "scenario", "instructor", "company", "costCenter", "q", "result", "sort", "dir", "page", "size", "cols"];

const spec = (s: RouteSpec, name: string): CaseGenerator => routeCases(s, name);
const ws = (slug: string | undefined, rest: string) => `/api/w/${slug}/${rest}`;

// next-auth answers with its own redirects; only "never a 5xx, nothing written" applies.
const nextAuth: CaseGenerator = (ctx) => {
  const out: Case[] = [];
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const strs = draw(nastyString, 12, "nextauth");
  for (const [i, s] of strs.entries()) {
    out.push({ label: `unknown action #${i}`, method: "GET", path: `/api/auth/${seg(s) || "x"}`, expect: "nextauth" });
    out.push({
      label: `credentials without CSRF token #${i}`,
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ctx.origin },
      body: form({ email: s, password: s, json: "true" }),
      expect: "nextauth",
    });
  }
  for (const [i, t] of draw(fc.tuple(invalidJsonText, wrongContentType), 8, "nextauth:types").entries()) {
    out.push({ label: `signin with junk body #${i}`, method: "POST", path: "/api/auth/signin/credentials", headers: t[1] ? { "content-type": t[1] } : {}, body: t[0], expect: "nextauth" });
  }
  for (const m of ["PUT", "PATCH", "DELETE"]) out.push({ label: `wrong method ${m}`, method: m, path: "/api/auth/session", expect: "nextauth" });
  out.push({ label: "callback to a foreign URL", method: "GET", path: "/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example", expect: "nextauth" });
  return out;
};

/** Routes without any input: only their methods can be wrong (each with several bodies and types). */
const noInput = (path: string, methods: string[]): CaseGenerator => (ctx) => {
  const base = spec({ path: () => path, methods, auth: { kind: "none" } }, path)(ctx);
  const bodies = draw(fc.tuple(invalidJsonText, wrongContentType), 24, `${path}:more`);
  const more = bodies.map(([b, type], i): Case => ({
    label: `wrong method with junk #${i}`,
    method: ["POST", "PUT", "PATCH", "DELETE"][i % 4]!,
    path,
    headers: type ? { "content-type": type } : {},
    body: b,
    expect: "api",
  }));
  return [...base, ...more];
};

export const ROUTE_CASES: Record<string, CaseGenerator> = {
  "app/api/auth/[...nextauth]/route.ts": nextAuth,
  "app/api/health/route.ts": noInput("/api/health", ["GET"]),
  "app/api/v1/openapi.json/route.ts": noInput("/api/v1/openapi.json", ["GET"]),
  "app/api/v1/users/route.ts": (ctx) => [
    ...spec(
      { path: () => "/api/v1/users", methods: ["GET", "POST"], auth: { kind: "apikey" }, query: { valid: {}, schema: usersQuery, keys: ["page", "rows", "term", "sort", "sortDirection", "workspace"] } },
      "users:get",
    )(ctx),
    ...spec({ path: () => "/api/v1/users", methods: ["POST", "GET"], auth: { kind: "apikey", minRole: "ADMIN" }, body: { valid: validUser, schema: addUserSchema } }, "users:post")(ctx)
      .filter((c) => c.method === "POST"),
  ],
  "app/api/v1/users/[id]/route.ts": spec(
    {
      path: (ctx, p) => `/api/v1/users/${p?.id ?? "u1"}`,
      methods: ["GET"],
      auth: { kind: "apikey" },
      params: ["id"],
      query: { valid: {}, schema: strictWs, keys: ["workspace", "page"] },
    },
    "users:id",
  ),
  "app/api/v1/activities/route.ts": spec(
    { path: () => "/api/v1/activities", methods: ["GET"], auth: { kind: "apikey" }, query: { valid: {}, schema: activitiesQuery, keys: activityKeys } },
    "activities",
  ),
  "app/api/v1/activities.csv/route.ts": spec(
    { path: () => "/api/v1/activities.csv", methods: ["GET"], auth: { kind: "apikey" }, query: { valid: {}, schema: activitiesCsvQuery, keys: activityKeys } },
    "activities.csv",
  ),
  "app/api/v1/reports/summary/route.ts": spec(
    { path: () => "/api/v1/reports/summary", methods: ["GET"], auth: { kind: "apikey" }, query: { valid: {}, schema: summaryQuery, keys: activityKeys } },
    "summary",
  ),
  "app/api/v1/usage/route.ts": spec(
    { path: () => "/api/v1/usage", methods: ["GET"], auth: { kind: "apikey" }, query: { valid: {}, schema: usageQuery, keys: ["from", "to", "workspace"] } },
    "usage",
  ),
  "app/api/w/[slug]/exports/activities.csv/route.ts": spec(
    {
      path: (ctx, p) => ws(p?.slug ?? ctx.slug, "exports/activities.csv"),
      methods: ["GET"],
      auth: { kind: "session" },
      params: ["slug"],
      query: { valid: {}, accepts: (q) => parseFiltersStrict(reportFiltersSchema, q).success, keys: reportKeys },
    },
    "export:activities",
  ),
  "app/api/w/[slug]/exports/matrix.csv/route.ts": spec(
    {
      path: (ctx, p) => ws(p?.slug ?? ctx.slug, "exports/matrix.csv"),
      methods: ["GET"],
      auth: { kind: "session" },
      params: ["slug"],
      query: { valid: {}, accepts: (q) => parseFiltersStrict(matrixFiltersSchema, q).success, keys: ["collection", "company", "costCenter", "q", "all", "sort", "page", "size"] },
    },
    "export:matrix",
  ),
  "app/api/w/[slug]/senar/test-connection/route.ts": spec(
    { path: (ctx, p) => ws(p?.slug ?? ctx.slug, "senar/test-connection"), methods: ["POST"], auth: { kind: "session", minRole: "ADMIN" }, params: ["slug"] },
    "test-connection",
  ),
  "app/api/w/[slug]/senar/user-assign/route.ts": spec(
    {
      path: (ctx, p) => ws(p?.slug ?? ctx.slug, "senar/user-assign"),
      methods: ["POST"],
      auth: { kind: "session", minRole: "ADMIN" },
      params: ["slug"],
      body: { valid: validUser, schema: addUserSchema },
    },
    "user-assign",
  ),
};

/** Senar's webhook deliveries: unknown, malformed and revoked tokens; broken bodies on a live one. */
const webhook: CaseGenerator = (ctx) => {
  const out: Case[] = [];
  const record = JSON.stringify([{ id: "a1", trainingDate: "2024-01-01 10:00:00" }]);
  const json = { "content-type": "application/json" };
  const at = (token: string) => `/api/webhooks/senar/${token}`;
  const tokens = [
    ...draw(invalidToken, 10, "webhook:token").map(seg),
    ...draw(fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"), minLength: 43, maxLength: 43 }), 3, "webhook:shape"),
    ctx.hook.token.toUpperCase(),
    `${ctx.hook.token}x`,
    ctx.hook.token.slice(1),
  ];
  for (const [i, t] of tokens.entries()) out.push({ label: `unknown token #${i}`, method: "POST", path: at(t || "x"), headers: json, body: record, expect: "api" });
  out.push({ label: "revoked token", method: "POST", path: at(ctx.hook.revokedToken), headers: json, body: record, expect: "api" });
  const live = (label: string, body: string, headers: Record<string, string> = json): Case => ({
    label,
    method: "POST",
    path: at(ctx.hook.token),
    headers,
    body,
    expect: "api",
    mayWrite: ["WebhookDelivery"],
  });
  for (const [i, text] of draw(invalidJsonText, 6, "webhook:json").entries()) out.push(live(`invalid JSON #${i}`, text));
  for (const [i, type] of ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x"].entries()) {
    out.push(live(`wrong content type #${i}`, record, { "content-type": type }));
  }
  out.push(live("no content type", record, {}));
  out.push(live("empty body", ""));
  out.push(live("nested 40 deep", `${"[".repeat(40)}{"id":"a"}${"]".repeat(40)}`));
  out.push(live("5001 records", JSON.stringify(Array.from({ length: 5_001 }, (_, i) => ({ id: `r${i}` })))));
  out.push(live("2 MB body", JSON.stringify([{ id: "a", pad: "x".repeat(2_000_000) }])));
  for (const m of ["GET", "PUT", "PATCH", "DELETE"]) {
    for (const [i, s] of draw(nastyString, 3, `webhook:${m}`).entries()) out.push({ ...live(`wrong method ${m} #${i}`, JSON.stringify({ s })), method: m, body: m === "GET" ? undefined : JSON.stringify({ s }) });
  }
  return out;
};

/** The cron endpoints: anything but the exact Bearer CRON_SECRET is refused. */
const cronAt = (path: string): CaseGenerator => (ctx) => {
  const base = spec({ path: () => path, methods: ["GET"], auth: { kind: "none" } }, path === "/api/cron/sync" ? "cron" : `cron:${path}`)(ctx);
  const s = ctx.cronSecret;
  const auths = [
    "",
    `Bearer ${s.slice(0, -1)}`,
    `Bearer ${s}x`,
    `bearer ${s}`,
    `Bearer  ${s}`,
    `Basic ${Buffer.from(`x:${s}`).toString("base64")}`,
    `Bearer ${s.toUpperCase()}`,
    `Bearer ${ctx.keys.acme}`,
    ...draw(invalidToken, 8, "cron:auth").map((t) => `Bearer ${t.replace(/[^\x21-\x7e]/g, "x")}`),
  ];
  return [...base, ...auths.map((a, i): Case => ({ label: `bad cron authorization #${i}`, method: "GET", path, headers: a ? { authorization: a } : {}, expect: "api" }))];
};

const wsRoute = (rest: string, methods: string[], minRole: "VIEWER" | "ADMIN", extra: Partial<RouteSpec> = {}) =>
  spec({ path: (ctx, p) => ws(p?.slug ?? ctx.slug, rest), methods, auth: { kind: "session", minRole }, params: ["slug"], ...extra }, rest);

Object.assign(ROUTE_CASES, {
  "app/api/webhooks/senar/[token]/route.ts": webhook,
  "app/api/cron/sync/route.ts": cronAt("/api/cron/sync"),
  "app/api/cron/retention/route.ts": cronAt("/api/cron/retention"),
  // The event stream and the actions below are only sent requests that must be refused: a
  // valid one would stream for a minute, or start a sync.
  "app/api/w/[slug]/events/route.ts": wsRoute("events", ["GET"], "VIEWER"),
  "app/api/w/[slug]/sync/route.ts": wsRoute("sync", ["POST"], "ADMIN"),
  "app/api/w/[slug]/sync/progress/route.ts": wsRoute("sync/progress", ["GET"], "VIEWER"),
  "app/api/w/[slug]/senar/webhooks/route.ts": wsRoute("senar/webhooks", ["POST"], "ADMIN"),
  "app/api/w/[slug]/senar/refresh/route.ts": wsRoute("senar/refresh", ["POST"], "ADMIN", { body: { valid: { list: "users" }, schema: z.object({ list: z.literal("users") }) } }),
  "app/api/w/[slug]/senar/webhooks/[id]/route.ts": spec(
    {
      path: (ctx, p) => ws(p?.slug ?? ctx.slug, `senar/webhooks/${p?.id ?? "no-such-hook"}`),
      methods: ["DELETE"],
      auth: { kind: "session", minRole: "ADMIN" },
      params: ["slug", "id"],
    },
    "webhooks:id",
  ),
} satisfies Record<string, CaseGenerator>);
