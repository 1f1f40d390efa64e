// The Senar simulator: a plain Node HTTP server speaking Senar's documented API (SENAR-API.md)
// for several accounts, each with its own deterministic dataset, plus live activity, webhooks
// and fault injection. See docs/SENAR-SIMULATOR.md.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { type Dataset, datasetFor, senarTimestamp, type SimActivity, type SimUser } from "./dataset";
import { maybeMalform } from "./faults";
import { field, HttpError, readJson, sendJson, streamJsonArray } from "./http-util";
import { intIn, type Rng, rngFrom, uuid } from "./rng";
import { DEFAULT_RETRY, type Delivery, type Hook, type HookMethod, HookRegistry, type RetryPolicy } from "./webhooks";

export type SimAccount = { username: string; password: string; seed: number; accountName?: string };
export type SimOptions = {
  port?: number; // 0 = random free port (default 0); host is always 127.0.0.1
  accounts?: SimAccount[];
  users?: number;
  trainees?: number;
  activities?: number;
  anchor?: Date;
  tokenTtlSec?: number;
  live?: number | null;
  latencyMs?: number;
  errorRate?: number;
  malformedRate?: number;
  /** Webhook retry policy (defaults: 5 attempts, 250 ms doubling, 5 s timeout per attempt). */
  webhookRetry?: Partial<RetryPolicy>;
  /** One line per request (method, path, status, ms); never bodies or tokens. */
  log?: (line: string) => void;
};
export type Faults = { latencyMs: number; errorRate: number; malformedRate: number; down: boolean };
export type RunningSim = {
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(f: Partial<Faults>): void;
  expireTokens(): void;
  hooks(username?: string): Hook[];
  deliveries(): Delivery[];
  emitActivity(username?: string): Promise<Record<string, unknown>>;
  /** Extra: a new live Senar user now (delivered to "user" hooks). */
  emitUser(username?: string): Promise<Record<string, unknown>>;
  /** Extra: the account's dataset, to compute expected figures independently. */
  dataset(username?: string): Dataset;
};

export const DEFAULT_ACCOUNT: SimAccount = { username: "demo@senar.test", password: "demo-pass1", seed: 42, accountName: "ACME" };

type AccountState = {
  account: SimAccount;
  data: Dataset;
  addedUsers: SimUser[];
  addedActivities: SimActivity[];
  /** Collections given through user_assign, by user id (served as the extra `collections` field). */
  assigned: Map<string, number[]>;
  userIdByEmail: Map<string, string>;
  nextActivityId: number;
  rng: Rng;
};

const PASSWORD_RULE = "The password must have at least 6 characters, contain letters and at least one number.";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function startSimulator(opts: SimOptions = {}): Promise<RunningSim> {
  const accounts = opts.accounts?.length ? opts.accounts : [DEFAULT_ACCOUNT];
  const tokenTtlMs = (opts.tokenTtlSec ?? 3600) * 1000;
  const faults: Faults = { latencyMs: opts.latencyMs ?? 0, errorRate: opts.errorRate ?? 0, malformedRate: opts.malformedRate ?? 0, down: false };
  const registry = new HookRegistry({ ...DEFAULT_RETRY, ...opts.webhookRetry });
  const tokens = new Map<string, { username: string; expiresAt: number }>();
  const log = opts.log;

  const states = new Map<string, AccountState>();
  for (const account of accounts) {
    const data = datasetFor(account, { users: opts.users, trainees: opts.trainees, activities: opts.activities, anchor: opts.anchor });
    const userIdByEmail = new Map<string, string>();
    for (const u of data.users()) userIdByEmail.set(u.email.toLowerCase(), u.id);
    states.set(account.username.toLowerCase(), {
      account, data, addedUsers: [], addedActivities: [], assigned: new Map(), userIdByEmail,
      nextActivityId: data.nextActivityId, rng: rngFrom(account.seed, "live"),
    });
  }
  const stateFor = (username?: string): AccountState => {
    const s = username === undefined ? states.values().next().value : states.get(username.toLowerCase());
    if (!s) throw new Error(`no simulated account ${username ?? ""}`);
    return s;
  };

  const withCollections = (s: AccountState, u: SimUser): SimUser => {
    const cols = s.assigned.get(u.id);
    return cols ? { ...u, collections: [...cols] } : u;
  };
  const served = <T extends object>(s: AccountState, rec: T, key: string | number) => maybeMalform(s.account.seed, rec, key, faults.malformedRate);

  function* usersOf(s: AccountState): Generator<string> {
    for (const u of s.data.users()) yield JSON.stringify(served(s, withCollections(s, u), u.id));
    for (const u of s.addedUsers) yield JSON.stringify(served(s, withCollections(s, u), u.id));
  }
  function* activitiesOf(s: AccountState): Generator<string> {
    // The rate is read once per response, so a response is all-clean or consistently damaged.
    const rate = faults.malformedRate;
    if (rate > 0) for (const a of s.data.activities()) yield JSON.stringify(maybeMalform(s.account.seed, a, a.id, rate));
    else yield* s.data.activitiesJson(); // fast path, identical bytes
    for (const a of s.addedActivities) yield JSON.stringify(maybeMalform(s.account.seed, a, a.id, rate));
  }

  const newActivities = (s: AccountState, n: number): SimActivity[] => {
    const out: SimActivity[] = [];
    for (let i = 0; i < n; i++) out.push(s.data.liveActivity(s.nextActivityId++, new Date(), s.rng));
    s.addedActivities.push(...out);
    return out;
  };
  const addUser = (s: AccountState, u: SimUser) => {
    s.addedUsers.push(u);
    s.userIdByEmail.set(u.email.toLowerCase(), u.id);
  };
  const deliver = (s: AccountState, method: HookMethod, records: (SimActivity | SimUser)[]) => {
    const bodies = records.map((r) => served(s, method === "user" ? withCollections(s, r as SimUser) : r, r.id));
    return registry.deliver(s.account.username, method, bodies.length === 1 ? bodies[0] : bodies);
  };

  /** The account a bearer token belongs to, or HttpError 401. */
  const authenticate = (req: IncomingMessage): AccountState => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    if (!m?.[1]) throw new HttpError(401, "Authorization has been denied for this request.");
    const t = tokens.get(m[1]);
    if (!t) throw new HttpError(401, "Authorization has been denied for this request.");
    if (Date.now() >= t.expiresAt) throw new HttpError(401, "The token has expired.");
    return stateFor(t.username);
  };

  // POST /api/auth/login: credentials for a bearer token.
  const login = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJson(req);
    const username = field(body, "username");
    const password = field(body, "password");
    if (typeof username !== "string" || typeof password !== "string") throw new HttpError(400, "username and password are required.");
    const s = states.get(username.trim().toLowerCase());
    if (!s || s.account.password !== password) throw new HttpError(401, "Invalid username or password.");
    const now = Date.now();
    for (const [k, v] of tokens) if (v.expiresAt <= now) tokens.delete(k); // keep the table small
    const token = randomBytes(32).toString("base64url");
    tokens.set(token, { username: s.account.username, expiresAt: now + tokenTtlMs });
    sendJson(res, 200, { Token: token });
  };

  // POST /integration/data/user_assign: create a user (or find it by e-mail) and assign one collection.
  const userAssign = async (req: IncomingMessage, res: ServerResponse, s: AccountState) => {
    const body = await readJson(req);
    const str = (k: string) => {
      const v = field(body, k);
      return typeof v === "string" ? v.trim() : "";
    };
    const [firstName, lastName, email] = [str("firstName"), str("lastName"), str("email")];
    if (!firstName || !lastName) throw new HttpError(400, "firstName and lastName are required.");
    if (!EMAIL.test(email)) throw new HttpError(400, "A valid email is required.");
    const password = field(body, "password");
    if (typeof password !== "string" || password.length < 6 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
      throw new HttpError(400, PASSWORD_RULE);
    }
    const rawCid = field(body, "collectionId");
    const collectionId = typeof rawCid === "number" ? rawCid : typeof rawCid === "string" && /^\d+$/.test(rawCid.trim()) ? Number(rawCid) : NaN;
    if (!Number.isInteger(collectionId)) throw new HttpError(400, "collectionId is required and must be a number.");
    if (!s.data.ownsCollection(collectionId)) throw new HttpError(400, `Collection ${collectionId} does not belong to this account.`);

    const existing = s.userIdByEmail.get(email.toLowerCase());
    if (existing) {
      const cols = s.assigned.get(existing) ?? [];
      const already = cols.includes(collectionId);
      if (!already) s.assigned.set(existing, [...cols, collectionId]);
      sendJson(res, 200, { message: already ? "The user already has this collection." : "Collection assigned to the existing user.", userId: existing, collectionId, created: false });
      return;
    }
    const user: SimUser = {
      id: uuid(s.rng), firstName, lastName, email, language: str("language") || "en", accountName: s.data.accountName,
      countryName: s.data.countryName, creationDate: senarTimestamp(Date.now(), intIn(s.rng, 0, 9999)), profile: "Instructor",
    };
    addUser(s, user);
    s.assigned.set(user.id, [collectionId]);
    void deliver(s, "user", [user]);
    sendJson(res, 200, { message: "User created and collection assigned.", userId: user.id, collectionId, created: true });
  };

  // POST /integration/data/webhook_register: subscribe a URL to new users or new activities.
  const webhookRegister = async (req: IncomingMessage, res: ServerResponse, s: AccountState) => {
    const body = await readJson(req);
    const hookUrl = field(body, "hookUrl");
    const method = field(body, "method");
    const provider = field(body, "provider");
    let url: URL | null = null;
    try {
      url = typeof hookUrl === "string" ? new URL(hookUrl) : null;
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new HttpError(400, "hookUrl must be an http(s) URL.");
    const m = typeof method === "string" ? method.trim().toLowerCase() : "";
    if (m !== "activity" && m !== "user") throw new HttpError(400, 'method must be "activity" or "user".');
    const hook = registry.register(s.account.username, { hookUrl: url.toString(), method: m, provider: typeof provider === "string" && provider ? provider : "zapier" });
    sendJson(res, 200, { id: Number(hook.id) });
  };

  // DELETE /integration/data/webhook_register/{id}: GUESS. Not in Senar's documents; modelled on
  // Zapier REST hooks (DELETE on the subscription resource). The real call may differ.
  const webhookDelete = (res: ServerResponse, s: AccountState, id: string) => {
    if (!registry.remove(s.account.username, id)) throw new HttpError(404, `Webhook ${id} not found.`);
    sendJson(res, 200, { message: `Webhook ${id} removed.` });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // ASP.NET routing (Senar's stack) is case-insensitive and ignores a trailing slash.
    const path = url.pathname.replace(/\/+$/, "").toLowerCase() || "/";
    const method = req.method ?? "GET";
    // GET /health: liveness for scripts and Playwright; no auth, no injected faults (except down).
    if (path === "/health") return sendJson(res, 200, { status: "ok" });
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
      req.resume();
      return sendJson(res, 500, { message: "An error has occurred." });
    }
    const hookDelete = /^\/integration\/data\/webhook_register\/([^/]+)$/.exec(path);
    const routes: Record<string, string> = {
      "/api/auth/login": "POST",
      "/integration/data/users": "GET",
      "/integration/data/activities": "GET",
      "/integration/data/user_assign": "POST",
      "/integration/data/webhook_register": "POST",
    };
    const allowed = hookDelete ? "DELETE" : routes[path];
    if (!allowed) throw new HttpError(404, "No HTTP resource was found that matches the request URI.");
    if (method !== allowed) throw new HttpError(405, `The requested resource does not support http method '${method}'.`);
    if (path === "/api/auth/login") return login(req, res);
    const s = authenticate(req);
    if (hookDelete) return webhookDelete(res, s, decodeURIComponent(hookDelete[1] ?? ""));
    switch (path) {
      case "/integration/data/users":
        return streamJsonArray(res, usersOf(s));
      case "/integration/data/activities":
        return streamJsonArray(res, activitiesOf(s));
      case "/integration/data/user_assign":
        return userAssign(req, res, s);
      default:
        return webhookRegister(req, res, s);
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const t0 = Date.now();
    res.on("finish", () => log?.(`${req.method} ${req.url?.split("?")[0]} ${res.statusCode} ${Date.now() - t0}ms`));
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      req.resume();
      if (err instanceof HttpError) sendJson(res, err.status, { message: err.message });
      else sendJson(res, 500, { message: "An error has occurred." });
    });
  });
  server.on("connection", (socket: Socket) => {
    if (faults.down) return void socket.destroy(); // "down": the connection dies at once
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const timers: NodeJS.Timeout[] = [];
  if (opts.live && opts.live > 0) {
    for (const s of states.values()) {
      timers.push(
        setInterval(() => {
          // Usually one activity per delivery, sometimes a burst posted as an array.
          const batch = newActivities(s, s.rng() < 0.15 ? intIn(s.rng, 2, 4) : 1);
          void deliver(s, "activity", batch);
          if (s.rng() < 0.05) {
            const u = s.data.liveUser(new Date(), s.rng);
            addUser(s, u);
            void deliver(s, "user", [u]);
          }
        }, opts.live * 1000),
      );
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      for (const t of timers) clearInterval(t);
      await registry.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    setFaults(f) {
      Object.assign(faults, Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));
      if (f.down) for (const s of sockets) s.destroy(); // in-flight responses die mid-stream
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
    hooks: (username) => registry.list(username === undefined ? undefined : stateFor(username).account.username),
    deliveries: () => registry.deliveries(),
    async emitActivity(username) {
      const s = stateFor(username);
      const [a] = newActivities(s, 1);
      if (!a) throw new Error("no activity produced");
      await deliver(s, "activity", [a]);
      return { ...a };
    },
    async emitUser(username) {
      const s = stateFor(username);
      const u = s.data.liveUser(new Date(), s.rng);
      addUser(s, u);
      await deliver(s, "user", [u]);
      return { ...u };
    },
    dataset: (username) => stateFor(username).data,
  };
}
