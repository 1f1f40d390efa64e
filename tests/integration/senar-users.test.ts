// "Add user" against the Senar simulator, through POST /api/v1/users and the BFF route:
// one user_assign per collection, mixed results (207), idempotent double submits, the cache
// gaining the user, the audit entry (without the password), outages as 502/504.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bffAssign } from "@/app/api/w/[slug]/senar/user-assign/route";
import { GET as listUsers, POST as apiAddUser } from "@/app/api/v1/users/route";
import { createApiKey } from "@/server/api/keys";
import { sessionCookieName } from "@/server/auth/cookies";
import { encrypt } from "@/server/crypto";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { env } from "@/server/env";
import { startSimulator, type RunningSim } from "@/senar-sim/server";

type Result = { email: string; succeeded: number; failed: number; cached: boolean; replayed: boolean; results: { collectionId: number; collectionTitle: string | null; ok: boolean; message: string }[] };
type ErrorBody = { error: { code: string; message: string; field?: string } };

let sim: RunningSim;
let key = "";
let ws = { id: "", slug: "acme" };
let owned = 0;
const NOT_OWNED = 987_654;
const PASSWORD = "Secret123";

const person = (email: string, collectionIds: number[]) => ({ firstName: "Ada", lastName: "Lovelace", email, language: "en", password: PASSWORD, collectionIds });

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await apiAddUser(
    new Request("http://localhost/api/v1/users", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  sim = await startSimulator({ users: 10, trainees: 20, activities: 50 });
  const account = { username: "demo@senar.test", password: "demo-pass1" };
  const wsId = randomUUID();
  const w = await db.workspace.create({
    data: { id: wsId, slug: ws.slug, name: "ACME", senarBaseUrl: sim.url, senarUsername: account.username, senarPasswordEnc: encrypt(account.password, { workspaceId: wsId, column: "senarPasswordEnc" }) },
  });
  ws = { id: w.id, slug: w.slug };
  const col = sim.dataset().collections[0]!;
  owned = col.id;
  await db.collection.create({ data: { workspaceId: w.id, id: col.id, title: col.title } });
  key = (await createApiKey({ workspaceId: w.id, name: "it", createdById: null })).key;
});

afterAll(async () => {
  await sim?.close();
});

describe("POST /api/v1/users", () => {
  it("adds to the owned collection, reports the other one with Senar's words, answers 207", async () => {
    const { status, body } = await post(person("ada@acme.test", [owned, NOT_OWNED]), { "idempotency-key": "add-ada-0001" });
    expect(status).toBe(207);
    const r = body as Result;
    expect(r.succeeded).toBe(1);
    expect(r.failed).toBe(1);
    expect(r.results[0]).toMatchObject({ collectionId: owned, ok: true });
    expect(r.results[0]!.collectionTitle).toBeTruthy();
    expect(r.results[1]).toMatchObject({ collectionId: NOT_OWNED, ok: false });
    // Senar's own words are upstream text: logged, not shown (issue 12); the status is.
    expect(r.results[1]!.message).toBe("Senar refused the request (HTTP 400).");
    expect(r.cached).toBe(true);
  });

  it("puts the new user in the cache, so the directory and the API list it", async () => {
    const res = await listUsers(new Request("http://localhost/api/v1/users?term=ada%40acme.test", { headers: { authorization: `Bearer ${key}` } }));
    const page = (await res.json()) as { users: { email: string; firstName: string }[] };
    expect(page.users).toEqual([expect.objectContaining({ email: "ada@acme.test", firstName: "Ada" })]);
  });

  it("records who did it in the audit log, without the password", async () => {
    const events = await db.auditEvent.findMany({ where: { workspaceId: ws.id, action: "senar_user.added" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorLabel).toBe("api key it");
    expect(events[0]!.target).toBe("ada@acme.test");
    expect(JSON.stringify(events[0]!.details)).not.toContain(PASSWORD);
  });

  it("a repeated Idempotency-Key answers the first result and calls Senar no more", async () => {
    const again = await post(person("ada@acme.test", [owned, NOT_OWNED]), { "idempotency-key": "add-ada-0001" });
    expect(again.status).toBe(207);
    const r = again.body as Result;
    expect(r.replayed).toBe(true);
    // Had Senar been called again it would say "already has this collection".
    expect(r.results[0]!.message).not.toMatch(/already/i);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "senar_user.added" } })).toBe(1);
  });

  it("two simultaneous submits with one key run once", async () => {
    const body = person("grace@acme.test", [owned]);
    const both = await Promise.all([post(body, { "idempotency-key": "add-grace-01" }), post(body, { "idempotency-key": "add-grace-01" })]);
    const statuses = both.map((b) => b.status).sort();
    // One ran (201); the other either replayed it (201) or was told it is in flight (409).
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, target: "grace@acme.test" } })).toBe(1);
  });

  it("the same key with a different request is a conflict", async () => {
    const { status, body } = await post(person("someone@acme.test", [owned]), { "idempotency-key": "add-ada-0001" });
    expect(status).toBe(409);
    expect((body as ErrorBody).error.code).toBe("conflict");
  });

  it("keeps the answer in the IdempotencyKey table (no password), not in the rate-limit table", async () => {
    const row = await db.idempotencyKey.findUniqueOrThrow({ where: { workspaceId_key: { workspaceId: ws.id, key: "add-ada-0001" } } });
    expect(row.status).toBe("DONE");
    expect(row.response).toMatchObject({ email: "ada@acme.test", succeeded: 1, failed: 1, replayed: false });
    expect(JSON.stringify(row.response)).not.toContain(PASSWORD);
    expect(await db.rateLimitBucket.count({ where: { key: { startsWith: "idem:" } } })).toBe(0);
  });

  it("a key left PENDING by a request that died: 409 while fresh, taken over by the same request once stale", async () => {
    const body = person("hopper@acme.test", [owned]);
    const where = { workspaceId_key: { workspaceId: ws.id, key: "add-hopper-01" } };
    expect((await post(body, { "idempotency-key": "add-hopper-01" })).status).toBe(201);
    // As if its process had been killed after taking the key.
    await db.idempotencyKey.update({ where, data: { status: "PENDING", response: Prisma.DbNull, createdAt: new Date() } });
    const busy = await post(body, { "idempotency-key": "add-hopper-01" });
    expect(busy.status).toBe(409);
    expect((busy.body as ErrorBody).error.message).toMatch(/already being processed/);
    await db.idempotencyKey.update({ where, data: { createdAt: new Date(Date.now() - 3 * 60_000) } });
    const again = await post(body, { "idempotency-key": "add-hopper-01" });
    expect((again.body as Result).replayed).toBe(false);
    expect((await db.idempotencyKey.findUniqueOrThrow({ where })).status).toBe("DONE");
  });

  it("answers 201 when every collection was assigned", async () => {
    const { status, body } = await post(person("linus@acme.test", [owned]));
    expect(status).toBe(201);
    expect((body as Result).results).toEqual([expect.objectContaining({ collectionId: owned, ok: true })]);
  });

  // Table rows are built before beforeAll runs: use literal collection ids.
  it.each([
    [{ ...person("x@acme.test", [3]), password: "abcdef" }, "password", "number"],
    [{ ...person("x@acme.test", [3]), password: "123456" }, "password", "letters"],
    [{ ...person("x@acme.test", [3]), password: "a1" }, "password", "6 characters"],
    [{ ...person("not-an-email", [3]) }, "email", "email"],
    [{ ...person("x@acme.test", []) }, "collectionIds", "collection"],
    [{ ...person("x@acme.test", [3, 3]) }, "collectionIds", "twice"],
    [{ ...person("x@acme.test", [3]), firstName: "  " }, "firstName", "First name"],
  ])("refuses bad input with 400 naming the field (%#)", async (body, field, words) => {
    const { status, body: b } = await post(body);
    expect(status).toBe(400);
    expect((b as ErrorBody).error.field).toBe(field);
    expect((b as ErrorBody).error.message).toContain(words);
  });

  it("answers 502 in the one error shape when Senar is down, and lets a retry run", async () => {
    sim.setFaults({ down: true });
    try {
      const { status, body } = await post(person("down@acme.test", [owned]), { "idempotency-key": "add-down-01" });
      expect([502, 504]).toContain(status);
      expect((body as ErrorBody).error.code).toMatch(/^senar_/);
      expect(JSON.stringify(body)).not.toContain("demo-pass1");
    } finally {
      sim.setFaults({ down: false });
    }
    const retry = await post(person("down@acme.test", [owned]), { "idempotency-key": "add-down-01" });
    expect(retry.status).toBe(201);
  });
});

describe("POST /api/w/[slug]/senar/user-assign (the form's proxy)", () => {
  async function cookie(role: "ADMIN" | "VIEWER") {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}@portal.test`, passwordHash: "x" } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role } });
    return `${sessionCookieName()}=${await encode({ token: { uid: user.id, sv: 0 }, secret: env().AUTH_SECRET })}`;
  }
  const call = (c: string, body: unknown, origin = "http://localhost") =>
    bffAssign(
      new Request(`http://localhost/api/w/${ws.slug}/senar/user-assign`, {
        method: "POST",
        headers: { cookie: c, origin, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ slug: ws.slug }) },
    );

  it("lets admins add a user and never returns the token or the Senar password", async () => {
    const res = await call(await cookie("ADMIN"), person("form@acme.test", [owned, NOT_OWNED]));
    expect(res.status).toBe(207);
    const text = await res.text();
    expect(text).not.toContain("demo-pass1");
    expect(text).not.toMatch(/token/i);
    const ev = await db.auditEvent.findFirst({ where: { workspaceId: ws.id, target: "form@acme.test" } });
    expect(ev?.actorLabel).toBe("admin@portal.test");
  });

  it("refuses viewers (403) and cross-site posts", async () => {
    expect((await call(await cookie("VIEWER"), person("v@acme.test", [owned]))).status).toBe(403);
    const admin = await db.user.findFirstOrThrow({ where: { email: "admin@portal.test" } });
    const c = `${sessionCookieName()}=${await encode({ token: { uid: admin.id, sv: 0 }, secret: env().AUTH_SECRET })}`;
    expect((await call(c, person("csrf@acme.test", [owned]), "https://evil.example")).status).toBe(403);
  });
});
