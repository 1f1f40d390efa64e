import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseRecord } from "@/server/senar/schemas";
import { type RunningSim, type SimAccount, startSimulator } from "./server";

const anchor = new Date("2025-06-01T00:00:00Z");
const DEMO: SimAccount = { username: "demo@senar.test", password: "demo-pass1", seed: 42, accountName: "ACME" };
const GLOBEX: SimAccount = { username: "globex@senar.test", password: "globex-pass1", seed: 7, accountName: "Globex" };
const small = { users: 20, trainees: 80, activities: 1500, anchor, accounts: [DEMO, GLOBEX] };

async function login(sim: RunningSim, a: SimAccount = DEMO): Promise<string> {
  const r = await fetch(`${sim.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: a.username, password: a.password }) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { Token: string }).Token;
}
const get = (sim: RunningSim, path: string, token: string) => fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const post = (sim: RunningSim, path: string, token: string, body: unknown) =>
  fetch(`${sim.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("Senar simulator over HTTP", () => {
  let sim: RunningSim;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ ...small, webhookRetry: { baseMs: 5 } });
    token = await login(sim);
  });
  afterAll(() => sim.close());
  afterEach(() => sim.setFaults({ latencyMs: 0, errorRate: 0, malformedRate: 0, down: false }));

  it("logs in with good credentials and refuses bad ones with 401 and a message", async () => {
    expect(token.length).toBeGreaterThan(20);
    const bad = await fetch(`${sim.url}/api/auth/login`, { method: "POST", body: JSON.stringify({ username: DEMO.username, password: "wrong-1" }) });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { message: string }).message).toMatch(/invalid/i);
    const unknown = await fetch(`${sim.url}/api/auth/login`, { method: "POST", body: JSON.stringify({ username: "nobody@x.test", password: DEMO.password }) });
    expect(unknown.status).toBe(401);
  });

  it("checks the bearer token on every data call", async () => {
    for (const path of ["/integration/data/users", "/integration/data/activities"]) {
      expect((await fetch(`${sim.url}${path}`)).status).toBe(401);
      expect((await get(sim, path, "not-a-token")).status).toBe(401);
    }
    expect((await post(sim, "/integration/data/webhook_register", "nope", { hookUrl: "http://127.0.0.1:1/x", method: "user" })).status).toBe(401);
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
  });

  it("serves exactly the dataset's records, per account", async () => {
    const acts = (await (await get(sim, "/integration/data/activities", token)).json()) as unknown[];
    expect(acts).toEqual([...sim.dataset().activities()]);
    const users = (await (await get(sim, "/integration/data/users", await login(sim, GLOBEX))).json()) as { accountName: string }[];
    expect(users).toHaveLength(20);
    expect(new Set(users.map((u) => u.accountName))).toEqual(new Set(["Globex"]));
  });

  it("user_assign enforces the password and collection rules, then the user appears in users", async () => {
    const own = sim.dataset().collections;
    const foreign = sim.dataset(GLOBEX.username).collections[0]?.id;
    const base = { firstName: "Ada", lastName: "Lovelace", email: "ada@acme.com", language: "en", collectionId: own[0]?.id };
    for (const password of ["abc12", "abcdefg", "1234567", ""]) {
      const r = await post(sim, "/integration/data/user_assign", token, { ...base, password });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(/password/i);
    }
    for (const collectionId of [foreign, 999_999, "abc", undefined]) {
      const r = await post(sim, "/integration/data/user_assign", token, { ...base, password: "secret1", collectionId });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(/collection/i);
    }
    const before = (await (await get(sim, "/integration/data/users", token)).json()) as { email: string }[];
    expect(before.some((u) => u.email === base.email)).toBe(false);

    const ok = await post(sim, "/integration/data/user_assign", token, { ...base, password: "secret1" });
    expect(ok.status).toBe(200);
    const created = (await ok.json()) as { userId: string; created: boolean };
    expect(created.created).toBe(true);
    const again = await post(sim, "/integration/data/user_assign", token, { ...base, password: "secret1", collectionId: String(own[1]?.id) });
    expect(((await again.json()) as { userId: string; created: boolean })).toMatchObject({ userId: created.userId, created: false });

    const after = (await (await get(sim, "/integration/data/users", token)).json()) as { id: string; email: string; collections?: number[] }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((u) => u.email === base.email)).toMatchObject({ id: created.userId, collections: [own[0]?.id, own[1]?.id] });
    // Another account does not see it.
    const globex = (await (await get(sim, "/integration/data/users", await login(sim, GLOBEX))).json()) as { email: string }[];
    expect(globex.some((u) => u.email === base.email)).toBe(false);
  });

  it("rejects bad webhook registrations and unsubscribes through the guessed DELETE", async () => {
    expect((await post(sim, "/integration/data/webhook_register", token, { hookUrl: "ftp://x", method: "activity" })).status).toBe(400);
    expect((await post(sim, "/integration/data/webhook_register", token, { hookUrl: "http://127.0.0.1:9/h", method: "trainee" })).status).toBe(400);
    const r = await post(sim, "/integration/data/webhook_register", token, { hookUrl: "http://127.0.0.1:9/h", method: "user", provider: "zapier" });
    const { id } = (await r.json()) as { id: number };
    expect(typeof id).toBe("number");
    expect(sim.hooks(DEMO.username).map((h) => h.id)).toContain(String(id));
    // Another account cannot remove it.
    const other = await fetch(`${sim.url}/integration/data/webhook_register/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${await login(sim, GLOBEX)}` } });
    expect(other.status).toBe(404);
    const del = await fetch(`${sim.url}/integration/data/webhook_register/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(del.status).toBe(200);
    expect(sim.hooks(DEMO.username).map((h) => h.id)).not.toContain(String(id));
  });

  it("answers 500 at errorRate 1", async () => {
    sim.setFaults({ errorRate: 1 });
    const r = await get(sim, "/integration/data/activities", token);
    expect(r.status).toBe(500);
    expect(await r.json()).toHaveProperty("message");
    expect((await fetch(`${sim.url}/api/auth/login`, { method: "POST", body: JSON.stringify({ username: DEMO.username, password: DEMO.password }) })).status).toBe(500);
  });

  it("serves malformed records at malformedRate, the same ones each time, some unusable", async () => {
    sim.setFaults({ malformedRate: 0.5 });
    const text = await (await get(sim, "/integration/data/activities", token)).text();
    expect(await (await get(sim, "/integration/data/activities", token)).text()).toBe(text);
    const raws = JSON.parse(text) as Record<string, unknown>[];
    expect(raws).toHaveLength(1500);
    const clean = [...sim.dataset().activities()];
    const changed = raws.filter((r, i) => JSON.stringify(r) !== JSON.stringify(clean[i]));
    expect(changed.length).toBeGreaterThan(500);
    expect(changed.length).toBeLessThan(1000);
    expect(raws.some((r) => Object.values(r).some((v) => v === null))).toBe(true);
    expect(raws.some((r) => typeof r.totalPoints === "string")).toBe(true);
    expect(raws.some((r) => "legacyCode" in r)).toBe(true);
    const results = raws.map((r) => parseRecord("activity", r));
    const refused = results.filter((x) => !x.ok);
    expect(refused.length).toBeGreaterThan(20);
    expect(refused.length).toBeLessThan(changed.length); // most damage is survivable
    expect(raws.some((r) => r.id === undefined || r.id === null || r.id === "n/a")).toBe(true);
  });

  it("drops connections while down", async () => {
    sim.setFaults({ down: true });
    await expect(get(sim, "/integration/data/activities", token)).rejects.toThrow();
    sim.setFaults({ down: false });
    expect((await get(sim, "/integration/data/users", token)).status).toBe(200);
  });

  it("delays answers by latencyMs and still answers", async () => {
    sim.setFaults({ latencyMs: 50 });
    expect((await get(sim, "/integration/data/users", token)).status).toBe(200);
  });
});

describe("tokens", () => {
  it("expire after tokenTtlSec and on expireTokens(), and a new login works", async () => {
    const sim = await startSimulator({ ...small, tokenTtlSec: 1 });
    try {
      const t = await login(sim);
      expect((await get(sim, "/integration/data/users", t)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await get(sim, "/integration/data/users", t);
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { message: string }).message).toMatch(/expired/i);
      const t2 = await login(sim);
      expect((await get(sim, "/integration/data/users", t2)).status).toBe(200);
    } finally {
      await sim.close();
    }
    const sim2 = await startSimulator(small);
    try {
      const t = await login(sim2);
      sim2.expireTokens();
      expect((await get(sim2, "/integration/data/activities", t)).status).toBe(401);
    } finally {
      await sim2.close();
    }
  });
});

describe("determinism over HTTP", () => {
  it("gives byte-identical responses for the same seed and options, different ones for another seed", async () => {
    const bodies: string[] = [];
    for (const account of [DEMO, DEMO, { ...DEMO, seed: 43 }]) {
      const sim = await startSimulator({ ...small, accounts: [account] });
      try {
        const t = await login(sim, account);
        bodies.push((await (await get(sim, "/integration/data/activities", t)).text()) + (await (await get(sim, "/integration/data/users", t)).text()));
      } finally {
        await sim.close();
      }
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[2]).not.toBe(bodies[0]);
  });
});

describe("webhooks", () => {
  let receiver: Server;
  let hookUrl: string;
  const received: unknown[] = [];
  const plan: number[] = []; // statuses to answer, in order; 200 once exhausted
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.statusCode = plan.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook/secret-123`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
  afterEach(() => {
    received.length = 0;
    plan.length = 0;
  });

  it("delivers a new activity to the hook, with ids continuing after the dataset", async () => {
    const sim = await startSimulator({ ...small, webhookRetry: { baseMs: 5 } });
    try {
      const token = await login(sim);
      await post(sim, "/integration/data/webhook_register", token, { hookUrl, method: "activity", provider: "zapier" });
      const a = await sim.emitActivity();
      expect(a.id).toBe(sim.dataset().nextActivityId);
      expect(received).toEqual([a]);
      expect(sim.deliveries()).toMatchObject([{ status: 200, attempts: 1 }]);
      // The live record is now part of what GET serves.
      const all = (await (await get(sim, "/integration/data/activities", token)).json()) as { id: number }[];
      expect(all.at(-1)).toEqual(a);
      // No delivery goes to another account's or another method's hooks.
      await sim.emitActivity(GLOBEX.username);
      expect(received).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });

  it("retries after a 500 then succeeds, and gives up after the bounded attempts", async () => {
    const sim = await startSimulator({ ...small, webhookRetry: { baseMs: 5, attempts: 3 } });
    try {
      const token = await login(sim);
      await post(sim, "/integration/data/webhook_register", token, { hookUrl, method: "activity" });
      plan.push(500);
      const a = await sim.emitActivity();
      expect(received).toEqual([a, a]);
      expect(sim.deliveries().at(-1)).toMatchObject({ status: 200, attempts: 2 });
      plan.push(500, 503, 502);
      await sim.emitActivity();
      expect(sim.deliveries().at(-1)).toMatchObject({ status: 502, attempts: 3 });
      expect(sim.hooks()).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });

  it("drops a subscription that answers 410", async () => {
    const sim = await startSimulator({ ...small, webhookRetry: { baseMs: 5 } });
    try {
      const token = await login(sim);
      await post(sim, "/integration/data/webhook_register", token, { hookUrl, method: "activity" });
      plan.push(410);
      await sim.emitActivity();
      expect(sim.deliveries().at(-1)).toMatchObject({ status: 410, attempts: 1 });
      expect(sim.hooks()).toHaveLength(0);
      await sim.emitActivity();
      expect(received).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });

  it("retries on network errors and notifies user hooks of user_assign", async () => {
    const sim = await startSimulator({ ...small, webhookRetry: { baseMs: 5, attempts: 2, timeoutMs: 1000 } });
    try {
      const token = await login(sim);
      await post(sim, "/integration/data/webhook_register", token, { hookUrl: "http://127.0.0.1:9/closed", method: "activity" });
      await sim.emitActivity();
      expect(sim.deliveries().at(-1)).toMatchObject({ status: "error", attempts: 2 });

      await post(sim, "/integration/data/webhook_register", token, { hookUrl, method: "user" });
      const u = await sim.emitUser();
      expect(received).toEqual([u]);
      const cid = sim.dataset().collections[0]?.id;
      await post(sim, "/integration/data/user_assign", token, { firstName: "Grace", lastName: "Hopper", email: "grace@acme.com", password: "cobol59", collectionId: cid });
      await expect.poll(() => received.length).toBe(2);
      expect(received[1]).toMatchObject({ email: "grace@acme.com", collections: [cid] });
    } finally {
      await sim.close();
    }
  });

  it("live mode keeps producing activities and posts them, sometimes as arrays", async () => {
    const sim = await startSimulator({ ...small, live: 0.05, webhookRetry: { baseMs: 5 } });
    try {
      const token = await login(sim);
      await post(sim, "/integration/data/webhook_register", token, { hookUrl, method: "activity" });
      await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
      const ids = received.flatMap((b) => (Array.isArray(b) ? b : [b])).map((r) => (r as { id: number }).id);
      expect(ids[0]).toBeGreaterThanOrEqual(sim.dataset().nextActivityId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await sim.close();
    }
  });
});
