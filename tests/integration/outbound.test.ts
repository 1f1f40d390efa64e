// The outgoing guard against real local HTTP servers (issue 12, finding 1): a redirect is refused
// and never followed; a name resolving to loopback is refused where the socket is opened (so DNS
// rebinding cannot pass the check); an allowed name may resolve to 127.0.0.1; and upstream text
// never reaches what users see (API errors, Test connection, the sync history).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintScope } from "@/server/auth/scope";
import { encrypt } from "@/server/crypto";
import { db } from "@/server/db/client";
import { createGuardedDispatcher, OutboundError, outboundFetch, type OutboundPolicy, type Resolver } from "@/server/net/outbound";
import { SenarClient, SenarError, toAppError } from "@/server/senar/senar-client";
import { testConnection } from "@/server/commands/connection";
import { runSync } from "@/server/sync/run-sync";
import { createUser } from "@/server/workspaces/users";

type Hit = { method: string; url: string };
type Local = { url: string; port: number; hits: Hit[]; close: () => Promise<void> };

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Local> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    hits.push({ method: req.method ?? "", url: req.url ?? "" });
    req.resume();
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, hits, close: () => new Promise((r) => server.close(() => r())) };
}

const UPSTREAM_TEXT = "ECONNREFUSED redis://10.0.0.7:6379 internal-admin-panel stack trace";
let target: Local; // where a redirect points: must never be hit
let redirector: Local;
let failing: Local; // answers 500 with revealing text, and 400 with a Senar-style JSON message
let ok: Local;

beforeAll(async () => {
  target = await serve((_req, res) => res.end("internal secret"));
  redirector = await serve((_req, res) => {
    res.writeHead(303, { location: `${target.url}/admin/secret` });
    res.end();
  });
  failing = await serve((req, res) => {
    if (req.url === "/api/auth/login") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ Token: "t" }));
      return;
    }
    const status = req.url?.startsWith("/integration/data/user_assign") ? 400 : 500;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: UPSTREAM_TEXT }));
  });
  ok = await serve((_req, res) => res.end("ok"));
});
afterAll(async () => {
  for (const s of [target, redirector, failing, ok]) await s.close();
});

const webhook = (allowedHosts: string[] = []): OutboundPolicy => ({ purpose: "webhook", allowedHosts, listedOnly: false });
const resolverTo = (address: string, family = 4): Resolver => () => Promise.resolve([{ address, family }]);

async function refusal(p: Promise<unknown>): Promise<OutboundError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OutboundError) return e;
    throw e;
  }
  throw new Error("expected an OutboundError");
}

describe("redirects", () => {
  it("a 303 is an error and nothing is followed (webhook purpose, 127.0.0.1 listed)", async () => {
    const e = await refusal(outboundFetch(`${redirector.url}/hook`, { method: "POST", body: "{}" }, { purpose: "webhook", policy: webhook(["127.0.0.1"]) }));
    expect(e.reason).toBe("redirect");
    expect(e.extra.status).toBe(303);
    expect(redirector.hits).toContainEqual({ method: "POST", url: "/hook" });
    expect(target.hits).toHaveLength(0);
  });

  it("the Senar client refuses a redirected login: a fixed message, the redirect target never hit", async () => {
    const before = redirector.hits.length;
    const client = new SenarClient({ baseUrl: redirector.url, username: "u", password: "the-stored-password" }, { retryBaseMs: 1 });
    let err: unknown;
    await client.users().catch((e: unknown) => (err = e));
    expect(err).toBeInstanceOf(SenarError);
    expect((err as SenarError).kind).toBe("redirect");
    expect(redirector.hits.length - before).toBe(1); // not retried either
    expect(target.hits).toHaveLength(0);
    expect(toAppError(err as SenarError).message).toBe("Senar answered a redirect (303); redirects are refused. Check the Senar address.");
  });
});

describe("checked where the socket is opened", () => {
  it("a name resolving to loopback is refused while connecting, although the URL check passed", async () => {
    const d = createGuardedDispatcher(webhook(), resolverTo("127.0.0.1"));
    const e = await refusal(outboundFetch(`http://rebind.test:${ok.port}/`, {}, { purpose: "webhook", policy: webhook(), dispatcher: d }));
    expect(e.reason).toBe("internal_address");
    const v6 = createGuardedDispatcher(webhook(), resolverTo("::ffff:127.0.0.1", 6));
    expect((await refusal(outboundFetch(`http://rebind.test:${ok.port}/`, {}, { purpose: "webhook", policy: webhook(), dispatcher: v6 }))).reason).toBe("internal_address");
    expect(ok.hits).toHaveLength(0);
  });

  it("localhost, resolved by the system, is refused when not listed", async () => {
    const e = await refusal(outboundFetch(`http://localhost:${ok.port}/`, {}, { purpose: "webhook", policy: webhook() }));
    expect(e.reason).toBe("internal_address");
    expect(ok.hits).toHaveLength(0);
  });

  it("an IP literal is refused by the connector itself, even when the URL check is skipped", async () => {
    const d = createGuardedDispatcher(webhook(), resolverTo("127.0.0.1"));
    const err = await undiciFetch(`${ok.url}/`, { dispatcher: d }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).cause).toBeInstanceOf(OutboundError);
    expect(ok.hits).toHaveLength(0);
  });

  it("a Senar host allowed by name may resolve to 127.0.0.1", async () => {
    const senar: OutboundPolicy = { purpose: "senar", allowedHosts: ["senar.test"], listedOnly: true };
    const d = createGuardedDispatcher(senar, resolverTo("127.0.0.1"));
    const res = await outboundFetch(`http://senar.test:${ok.port}/health`, {}, { purpose: "senar", policy: senar, dispatcher: d });
    expect(await res.text()).toBe("ok");
    expect(ok.hits).toContainEqual({ method: "GET", url: "/health" });
  });

  it("the Senar client refuses localhost (not in SENAR_ALLOWED_HOSTS) and never sends the password", async () => {
    const before = ok.hits.length;
    const client = new SenarClient({ baseUrl: `http://localhost:${ok.port}`, username: "u", password: "the-stored-password" });
    const err = await client.login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SenarError);
    expect((err as SenarError).kind).toBe("address_refused");
    expect(ok.hits.length).toBe(before);
  });
});

describe("upstream text is never shown", () => {
  async function workspaceAt(url: string): Promise<string> {
    const id = randomUUID();
    const ws = await db.workspace.create({
      data: { id, slug: `out-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, name: "Outbound", senarBaseUrl: url, senarUsername: "u", senarPasswordEnc: encrypt("p", { workspaceId: id, column: "senarPasswordEnc" }) },
    });
    return ws.id;
  }

  it("API errors carry the status only", async () => {
    const client = new SenarClient({ baseUrl: failing.url, username: "u", password: "p" }, { retries: 0 });
    const err = (await client.users().catch((e: unknown) => e)) as SenarError;
    expect(err.senarMessage).toBe(UPSTREAM_TEXT); // kept for the log
    expect(toAppError(err).message).toBe("Senar answered HTTP 500. Try again in a few minutes.");
    const assign = (await client
      .userAssign({ firstName: "A", lastName: "B", email: "a@example.com", language: "en", password: "secret1", collectionId: 1 })
      .catch((e: unknown) => e)) as SenarError;
    expect(toAppError(assign).message).toBe("Senar refused the request (HTTP 400).");
  });

  it("the sync history and the connection status", async () => {
    const ws = await workspaceAt(failing.url);
    const r = await runSync(ws, { trigger: "test" });
    expect(r.status).toBe("FAILED");
    expect(r.error).toBe("Senar answered HTTP 500. Try again in a few minutes.");
    const stored = await db.syncRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(stored.error).not.toContain("10.0.0.7");
    const row = await db.workspace.findUniqueOrThrow({ where: { id: ws }, select: { connectionError: true } });
    expect(row.connectionError ?? "").not.toMatch(/ECONN|10\.0\.0\.7|internal/);
  });

  it("Test connection, for a refused redirect and an unreachable address: stored and audited once", async () => {
    const u = await createUser({ email: `t-${Date.now()}@example.com`, password: "a long enough password" });
    const actor = { id: u.id, email: u.email, name: null };
    const ws = await workspaceAt(redirector.url);
    const as = (id: string) => ({ user: actor, role: "ADMIN" as const, workspace: { id, slug: "t", name: "T", timeZone: "UTC", passMark: 0.8 }, scope: mintScope({ id, timeZone: "UTC", passMark: 0.8 }) });
    const redirected = await testConnection(as(ws), undefined);
    expect(redirected).toEqual({ ok: false, kind: "redirect", message: "Senar answered a redirect (303); redirects are refused. Check the Senar address." });
    const row = await db.workspace.findUniqueOrThrow({ where: { id: ws }, select: { connectionError: true } });
    expect(row.connectionError).toBe(redirected.message);
    expect(await db.auditEvent.findMany({ where: { workspaceId: ws, action: "connection.tested" }, select: { actorId: true, details: true } })).toEqual([
      { actorId: u.id, details: { ok: false } },
    ]);
    const gone = await testConnection(as(await workspaceAt("http://127.0.0.1:1")), undefined);
    expect(gone).toEqual({ ok: false, kind: "unavailable", message: "Senar could not be reached. Try again in a few minutes." });
    expect(target.hits).toHaveLength(0);
  });
});
