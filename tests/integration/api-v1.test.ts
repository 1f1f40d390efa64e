// Contract tests of the public API v1 (users, usage, keys, rate limit, session access),
// against a real database: paging arithmetic at its edges, every bad-input case, two tenants.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getUser } from "@/app/api/v1/users/[id]/route";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { GET as getUsage } from "@/app/api/v1/usage/route";
import { createApiKey, revokeApiKey } from "@/server/api/keys";
import { hitRateLimit } from "@/server/api/rate-limit";
import { sessionCookieName } from "@/server/auth/cookies";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

type Paging = { totalElementCount: number; pageCount: number; requestedPageSize: number; elementCount: number; page: number };
type UsersPage = { _paging: Paging; users: { id: string; lastName: string | null; email: string | null; creationDate: string | null }[] };
type ErrorBody = { error: { code: string; message: string; field?: string } };

const BASE = "http://localhost/api/v1";
let keyA = "";
let keyB = "";
let wsA = { id: "", slug: "" };
let wsB = { id: "", slug: "" };
const A_USERS = 45;

async function seedWorkspace(slug: string, users: number) {
  const ws = await db.workspace.create({ data: { slug, name: slug.toUpperCase() } });
  await db.senarUser.createMany({
    data: Array.from({ length: users }, (_, i) => ({
      workspaceId: ws.id,
      id: `${slug}-u${String(i).padStart(3, "0")}`,
      firstName: `First${i % 7}`,
      lastName: i === 3 ? null : `Last${String(i).padStart(3, "0")}`,
      email: `${slug}.user${i}@example.test`,
      language: i % 2 ? "en" : "fr",
      creationDate: new Date(Date.UTC(2024, 0, 1 + i, 6, 25, 23)),
      raw: {},
      hash: "h",
      sourceAt: new Date(),
    })),
  });
  return ws;
}

const call = async (
  handler: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>,
  path: string,
  opts: { key?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
) => {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const res = await handler(new Request(`${BASE}${path}`, { headers }), { params: Promise.resolve(opts.params ?? {}) });
  return { res, body: (await res.json()) as unknown };
};

beforeAll(async () => {
  const a = await seedWorkspace("acme", A_USERS);
  const b = await seedWorkspace("beta", 3);
  wsA = { id: a.id, slug: a.slug };
  wsB = { id: b.id, slug: b.slug };
  keyA = (await createApiKey({ workspaceId: a.id, name: "Power BI", createdById: null })).key;
  keyB = (await createApiKey({ workspaceId: b.id, name: "Other", createdById: null })).key;
});

describe("API keys", () => {
  it("are stored only as a hash and a short prefix", async () => {
    const rows = await db.apiKey.findMany({ where: { workspaceId: wsA.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).not.toContain(keyA.slice(4));
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyA.startsWith(rows[0]!.prefix)).toBe(true);
    expect(rows[0]!.prefix.length).toBeLessThan(16);
  });

  it("refuse a missing, malformed, unknown or revoked key with 401", async () => {
    expect((await call(listUsers, "/users")).res.status).toBe(401);
    expect((await call(listUsers, "/users", { headers: { authorization: "Basic abc" } })).res.status).toBe(401);
    expect((await call(listUsers, "/users", { key: "snr_not-a-real-key" })).res.status).toBe(401);
    const { key, apiKey } = await createApiKey({ workspaceId: wsA.id, name: "temp", createdById: null });
    expect((await call(listUsers, "/users", { key })).res.status).toBe(200);
    await revokeApiKey(wsA.id, apiKey.id);
    const revoked = await call(listUsers, "/users", { key });
    expect(revoked.res.status).toBe(401);
    expect((revoked.body as ErrorBody).error.code).toBe("unauthenticated");
  });

  it("cannot be revoked from another workspace", async () => {
    const { apiKey } = await createApiKey({ workspaceId: wsA.id, name: "victim", createdById: null });
    await expect(revokeApiKey(wsB.id, apiKey.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("record when they were last used", async () => {
    const { key, apiKey } = await createApiKey({ workspaceId: wsA.id, name: "fresh", createdById: null });
    expect(apiKey.lastUsedAt).toBeNull();
    await call(listUsers, "/users", { key });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("GET /api/v1/users paging", () => {
  it("answers the first page with Attensa's _paging block", async () => {
    const { res, body } = await call(listUsers, "/users", { key: keyA });
    expect(res.status).toBe(200);
    const page = body as UsersPage;
    expect(page._paging).toEqual({ totalElementCount: A_USERS, pageCount: 3, requestedPageSize: 20, elementCount: 20, page: 0 });
    expect(page.users).toHaveLength(20);
    expect(page.users[0]!.creationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it.each([
    { rows: 20, page: 2, elementCount: 5, pageCount: 3 },
    { rows: 20, page: 3, elementCount: 0, pageCount: 3 },
    { rows: 20, page: 999, elementCount: 0, pageCount: 3 },
    { rows: 45, page: 0, elementCount: 45, pageCount: 1 },
    { rows: 45, page: 1, elementCount: 0, pageCount: 1 },
    { rows: 44, page: 1, elementCount: 1, pageCount: 2 },
    { rows: 1, page: 44, elementCount: 1, pageCount: 45 },
    { rows: 500, page: 0, elementCount: 45, pageCount: 1 },
  ])("rows=$rows page=$page → $elementCount elements of $pageCount pages", async ({ rows, page, elementCount, pageCount }) => {
    const { res, body } = await call(listUsers, `/users?rows=${rows}&page=${page}`, { key: keyA });
    expect(res.status).toBe(200);
    const p = body as UsersPage;
    expect(p._paging).toEqual({ totalElementCount: A_USERS, pageCount, requestedPageSize: rows, elementCount, page });
    expect(p.users).toHaveLength(elementCount);
  });

  it("pages cover every user exactly once, in the requested order, nulls last", async () => {
    const ids: string[] = [];
    const names: (string | null)[] = [];
    for (let page = 0; page < 5; page++) {
      const p = (await call(listUsers, `/users?rows=10&page=${page}&sort=lastName&sortDirection=DESC`, { key: keyA })).body as UsersPage;
      ids.push(...p.users.map((u) => u.id));
      names.push(...p.users.map((u) => u.lastName));
    }
    expect(new Set(ids).size).toBe(A_USERS);
    expect(names.at(-1)).toBeNull();
    const named = names.filter((n): n is string => n !== null);
    expect(named).toEqual([...named].sort().reverse());
  });

  it("an empty result has zero pages", async () => {
    const p = (await call(listUsers, "/users?term=nobody-like-this", { key: keyA })).body as UsersPage;
    expect(p._paging).toEqual({ totalElementCount: 0, pageCount: 0, requestedPageSize: 20, elementCount: 0, page: 0 });
  });

  it("term matches every word across names and email", async () => {
    const p = (await call(listUsers, "/users?term=first3%20acme.user10", { key: keyA })).body as UsersPage;
    expect(p.users.map((u) => u.email)).toEqual(["acme.user10@example.test"]);
  });
});

describe("bad input answers 400 naming the field, and nothing else leaks", () => {
  it.each([
    ["/users?foo=1", "foo"],
    ["/users?rows=501", "rows"],
    ["/users?rows=0", "rows"],
    ["/users?rows=abc", "rows"],
    ["/users?page=-1", "page"],
    ["/users?page=1.5", "page"],
    ["/users?sort=password", "sort"],
    ["/users?sortDirection=UP", "sortDirection"],
  ])("%s", async (path, field) => {
    const { res, body } = await call(listUsers, path, { key: keyA });
    expect(res.status).toBe(400);
    const e = (body as ErrorBody).error;
    expect(e.code).toBe("invalid_input");
    expect(e.message).toContain(field);
  });

  it.each([
    ["/usage?from=2025-02-30", "from"],
    ["/usage?from=yesterday", "from"],
    ["/usage?to=2025-13-01", "to"],
    ["/usage?from=2025-03-02&to=2025-03-01", "from"],
    ["/usage?days=3", "days"],
  ])("%s", async (path, field) => {
    const { res, body } = await call(getUsage, path, { key: keyA });
    expect(res.status).toBe(400);
    expect((body as ErrorBody).error.message).toContain(field);
  });
});

describe("tenancy with two keys", () => {
  it("each key sees its own workspace only", async () => {
    const a = (await call(listUsers, "/users?rows=500", { key: keyA })).body as UsersPage;
    const b = (await call(listUsers, "/users?rows=500", { key: keyB })).body as UsersPage;
    expect(a.users.every((u) => u.id.startsWith("acme-"))).toBe(true);
    expect(b.users.map((u) => u.id).sort()).toEqual(["beta-u000", "beta-u001", "beta-u002"]);
  });

  it("another workspace's id is 404; one's own is 200", async () => {
    expect((await call(getUser, "/users/beta-u000", { key: keyB, params: { id: "beta-u000" } })).res.status).toBe(200);
    const cross = await call(getUser, "/users/beta-u000", { key: keyA, params: { id: "beta-u000" } });
    expect(cross.res.status).toBe(404);
    expect((cross.body as ErrorBody).error.code).toBe("not_found");
  });

  it("?workspace= cannot switch a key to another workspace", async () => {
    const p = (await call(listUsers, `/users?workspace=${wsB.slug}`, { key: keyA })).body as UsersPage;
    expect(p.users.every((u) => u.id.startsWith("acme-"))).toBe(true);
  });
});

describe("signed-in sessions", () => {
  async function cookieFor(email: string) {
    const user = await db.user.create({ data: { email, passwordHash: "x" } });
    const token = await encode({ token: { uid: user.id, sv: 0 }, secret: env().AUTH_SECRET });
    return { user, cookie: `${sessionCookieName()}=${token}` };
  }

  it("may call with ?workspace=<slug> of a workspace they belong to, and get 404 for others", async () => {
    const { user, cookie } = await cookieFor("viewer@example.test");
    await db.membership.create({ data: { workspaceId: wsA.id, userId: user.id, role: "VIEWER" } });
    const ok = await call(listUsers, `/users?workspace=${wsA.slug}&rows=1`, { headers: { cookie } });
    expect(ok.res.status).toBe(200);
    expect((ok.body as UsersPage)._paging.totalElementCount).toBe(A_USERS);
    expect((await call(listUsers, `/users?workspace=${wsB.slug}`, { headers: { cookie } })).res.status).toBe(404);
    const missing = await call(listUsers, "/users", { headers: { cookie } });
    expect(missing.res.status).toBe(400);
    expect((missing.body as ErrorBody).error.message).toContain("workspace");
  });
});

describe("rate limit", () => {
  it("counts in fixed windows in the database", async () => {
    const now = new Date("2026-01-01T10:00:30Z");
    const opts = { limit: 3, windowSeconds: 60, now };
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await hitRateLimit("test:window", opts)).allowed);
    expect(seen).toEqual([true, true, true, false]);
    const d = await hitRateLimit("test:window", opts);
    expect(d.retryAfterSeconds).toBe(30);
    expect((await hitRateLimit("test:window", { ...opts, now: new Date("2026-01-01T10:01:00Z") })).allowed).toBe(true);
    const row = await db.rateLimitBucket.findFirst({ where: { key: "test:window", windowStart: new Date("2026-01-01T10:00:00Z") } });
    expect(row?.count).toBe(5);
  });

  it("answers 429 with Retry-After once a key used its 600 requests of the minute", async () => {
    const { key, apiKey } = await createApiKey({ workspaceId: wsA.id, name: "busy", createdById: null });
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await db.rateLimitBucket.create({ data: { key: `api:key:${apiKey.id}`, windowStart, count: 599 } });
    const last = await call(listUsers, "/users?rows=1", { key });
    // The window may have just rolled over; only assert the 429 when it did not.
    if (Math.floor(Date.now() / 60_000) * 60_000 === windowStart.getTime()) {
      expect(last.res.status).toBe(200);
      const over = await call(listUsers, "/users?rows=1", { key });
      expect(over.res.status).toBe(429);
      expect(Number(over.res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((over.body as ErrorBody).error.code).toBe("rate_limited");
      // Another key is not affected.
      expect((await call(listUsers, "/users?rows=1", { key: keyB })).res.status).toBe(200);
    }
  });
});

describe("GET /api/v1/usage", () => {
  it("lists per day, by source and type, within the range", async () => {
    await db.usageDaily.createMany({
      data: [
        { workspaceId: wsA.id, day: new Date("2025-03-01T00:00:00Z"), source: "sync", type: "activity", count: 120 },
        { workspaceId: wsA.id, day: new Date("2025-03-01T00:00:00Z"), source: "webhook", type: "activity", count: 4 },
        { workspaceId: wsA.id, day: new Date("2025-03-03T00:00:00Z"), source: "sync", type: "user", count: 2 },
        { workspaceId: wsB.id, day: new Date("2025-03-01T00:00:00Z"), source: "sync", type: "activity", count: 999 },
      ],
    });
    const { res, body } = await call(getUsage, "/usage?from=2025-03-01&to=2025-03-02", { key: keyA });
    expect(res.status).toBe(200);
    expect(body).toEqual({
      from: "2025-03-01",
      to: "2025-03-02",
      total: 124,
      usage: [
        { day: "2025-03-01", source: "sync", type: "activity", count: 120 },
        { day: "2025-03-01", source: "webhook", type: "activity", count: 4 },
      ],
    });
  });
});
