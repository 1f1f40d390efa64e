// The Senar client against the real simulator (senar-sim/), in process, for each call and each fault.
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { malformationFor, UNUSABLE } from "@/senar-sim/faults";
import { type RunningSim, startSimulator } from "@/senar-sim/server";
import { type RetryEvent, SenarClient, type SenarClientOptions, SenarError, toAppError } from "@/server/senar/senar-client";
import type { Parsed, Refused, SenarActivity } from "@/server/senar/schemas";

const USER = "demo@senar.test";
const PASSWORD = "demo-pass1";
const ACTIVITIES = 2_500;

let sim: RunningSim;
let lines: string[] = [];
/** Requests the simulator saw, as "METHOD /path STATUS". */
const seen = (pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, users: 40, trainees: 200, activities: ACTIVITIES, log: (l) => lines.push(l) });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.setFaults({ latencyMs: 0, errorRate: 0, malformedRate: 0, down: false });
  lines = [];
});

function client(opts: SenarClientOptions = {}, conn: Partial<{ baseUrl: string; password: string; token: string | null }> = {}) {
  return new SenarClient({ baseUrl: sim.url, username: USER, password: PASSWORD, ...conn }, { timeoutMs: 5_000, retryBaseMs: 5, ...opts });
}

async function caught(p: Promise<unknown>): Promise<SenarError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SenarError) return e;
    throw e;
  }
  throw new Error("expected a SenarError");
}

async function collect(c: SenarClient, opts: { batchSize?: number; skip?: number } = {}) {
  const batches: number[] = [];
  const records: Parsed<SenarActivity>[] = [];
  const refused: Refused[] = [];
  const totals = await c.streamActivities(async (r, x) => {
    batches.push(r.length + x.length);
    records.push(...r);
    refused.push(...x);
  }, opts);
  return { batches, records, refused, totals };
}

describe("SenarClient calls", () => {
  it("logs in lazily once, reports the token, and reuses it", async () => {
    const tokens: string[] = [];
    const c = client({ onToken: (t) => void tokens.push(t) });
    expect(seen(/login/)).toBe(0);
    const { records } = await c.users();
    await c.users();
    expect(seen(/^POST \/api\/auth\/login 200/)).toBe(1);
    expect(seen(/^GET \/integration\/data\/users 200/)).toBe(2);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/\S{20,}/);
    expect(records).toHaveLength(sim.dataset().userCount);
  });

  it("uses a stored token without logging in, and copes with trailing slashes in the base URL", async () => {
    const token = await client().login();
    lines = [];
    const c = client({}, { token, baseUrl: `${sim.url}//` });
    const { records } = await c.users();
    expect(records.length).toBeGreaterThan(0);
    expect(seen(/login/)).toBe(0);
  });

  it("users(): parsed records beside the raw ones, matching the simulator's dataset", async () => {
    const expected = [...sim.dataset().users()];
    const { records, refused } = await client().users();
    expect(refused).toEqual([]);
    expect(records.map((r) => r.record.id)).toEqual(expected.map((u) => u.id));
    const first = records[0]!;
    expect(first.raw).toEqual(expected[0]);
    expect(first.record.creationDate?.getTime()).toBe(Date.parse(`${expected[0]!.creationDate.slice(0, 23)}Z`));
  });

  it("streamActivities(): every record, in order, in batches of the requested size", async () => {
    const { batches, records, totals } = await collect(client(), { batchSize: 1_000 });
    expect(batches).toEqual([1_000, 1_000, 500]);
    expect(totals).toEqual({ seen: ACTIVITIES, valid: ACTIVITIES, refused: 0, skipped: 0 });
    const expected = [...sim.dataset().activities()];
    expect(records.map((r) => r.record.id)).toEqual(expected.map((a) => a.id));
    const last = records.at(-1)!;
    expect(last.raw).toEqual(expected.at(-1));
    expect(last.record.totalPoints).toBe(expected.at(-1)!.totalPoints);
    // Read as UTC whatever the process TZ (the suite also runs under TZ=Asia/Tokyo).
    expect(last.record.trainingDate?.toISOString().slice(0, 19)).toBe(expected.at(-1)!.trainingDate.slice(0, 19));
  });

  it("waits for onBatch before reading on, and passes its errors through untouched", async () => {
    let running = 0;
    let overlap = false;
    await client().streamActivities(
      async () => {
        running++;
        if (running > 1) overlap = true;
        await new Promise((r) => setImmediate(r));
        running--;
      },
      { batchSize: 100 },
    );
    expect(overlap).toBe(false);
    const boom = new Error("caller failed");
    await expect(client().streamActivities(async () => Promise.reject(boom), { batchSize: 10 })).rejects.toBe(boom);
  });

  it("skip: the first N records are passed over (not validated) and counted", async () => {
    const { records, totals } = await collect(client(), { skip: 1_234, batchSize: 500 });
    const expected = [...sim.dataset().activities()].slice(1_234);
    expect(totals).toEqual({ seen: ACTIVITIES, valid: ACTIVITIES - 1_234, refused: 0, skipped: 1_234 });
    expect(records[0]?.record.id).toBe(expected[0]?.id);
    expect(records).toHaveLength(expected.length);
  });

  it("userAssign(): creates the user, who then appears in users()", async () => {
    const c = client();
    const collectionId = sim.dataset().collections[0]!.id;
    const email = `new.${Date.now()}@example.com`;
    const r = await c.userAssign({ firstName: "Ada", lastName: "Byron", email, language: "en", password: "secret1", collectionId });
    expect(r.message).toBe("Senar added the user."); // a fixed message: Senar's own words are not shown
    expect(JSON.stringify(r.raw)).toMatch(/created/i);
    const { records } = await c.users();
    expect(records.some((u) => u.record.email === email)).toBe(true);
  });

  it("userAssign(): our own check refuses a bad password before anything is sent", async () => {
    const e = await caught(
      client().userAssign({ firstName: "Ada", lastName: "Byron", email: "ada@example.com", language: "en", password: "lettersonly", collectionId: 1 }),
    );
    expect(e.kind).toBe("rejected");
    expect(e.message).toBe("Password must contain at least one number");
    expect(e.status).toBeUndefined();
    expect(seen(/user_assign/)).toBe(0);
    expect(toAppError(e)).toMatchObject({ code: "bad_request", status: 400, message: "Password must contain at least one number" });
  });

  it("userAssign(): Senar's own refusal keeps its message for the log, and shows only the status", async () => {
    const e = await caught(
      client().userAssign({ firstName: "Ada", lastName: "Byron", email: "ada2@example.com", language: "en", password: "secret1", collectionId: 999_999 }),
    );
    expect(e.kind).toBe("rejected");
    expect(e.status).toBe(400);
    expect(e.senarMessage).toBe("Collection 999999 does not belong to this account.");
    expect(seen(/^POST \/integration\/data\/user_assign 400/)).toBe(1); // not retried
    const app = toAppError(e);
    expect(app.code).toBe("bad_request");
    expect(app.message).toBe("Senar refused the request (HTTP 400).");
  });

  it("registerWebhook() and unsubscribeWebhook(): never claims an unsubscribe Senar did not confirm", async () => {
    const c = client();
    const { id } = await c.registerWebhook({ hookUrl: "https://portal.example/api/webhooks/senar/abc", method: "activity" });
    expect(id).toMatch(/^\S+$/);
    expect(sim.hooks().find((h) => h.id === id)).toMatchObject({ method: "activity", provider: "zapier", hookUrl: "https://portal.example/api/webhooks/senar/abc" });
    expect(await c.unsubscribeWebhook(id)).toMatchObject({ ok: true });
    expect(sim.hooks().find((h) => h.id === id)).toBeUndefined();
    expect(await c.unsubscribeWebhook(id)).toEqual({ ok: false, message: "Senar has no unsubscribe call for this webhook (or refused it)" });
  });
});

describe("SenarClient tokens", () => {
  it("an expired token mid-run: logs in again transparently and reports the new token", async () => {
    const tokens: string[] = [];
    const c = client({ onToken: (t) => void tokens.push(t) });
    await c.users();
    sim.expireTokens();
    const { totals } = await collect(c);
    expect(totals.valid).toBe(ACTIVITIES);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(tokens[0]);
    expect(seen(/^GET \/integration\/data\/activities 401/)).toBe(1);
  });

  it("a stale stored token is replaced without the caller noticing", async () => {
    const tokens: string[] = [];
    const { records } = await client({ onToken: (t) => void tokens.push(t) }, { token: "stale-token" }).users();
    expect(records.length).toBeGreaterThan(0);
    expect(tokens).toHaveLength(1);
  });

  it("a wrong password is an authentication error that names neither secret", async () => {
    const e = await caught(client({}, { password: "wrong-pass9" }).users());
    expect(e.kind).toBe("authentication");
    expect(e.status).toBe(401);
    expect(`${e.message} ${e.senarMessage ?? ""}`).not.toContain("wrong-pass9");
    expect(seen(/login 401/)).toBe(1); // a refused login is not retried
    expect(toAppError(e).code).toBe("senar_rejected");
  });

  it("a second 401 after re-login: 'Senar rejected the stored credentials', no loop", async () => {
    const shortLived = await startSimulator({ port: 0, users: 5, trainees: 10, activities: 10, tokenTtlSec: 0 });
    try {
      const tokens: string[] = [];
      const c = new SenarClient({ baseUrl: shortLived.url, username: USER, password: PASSWORD }, { timeoutMs: 5_000, onToken: (t) => void tokens.push(t) });
      const e = await caught(c.users());
      expect(e.kind).toBe("authentication");
      expect(e.message).toBe("Senar rejected the stored credentials");
      expect(tokens).toHaveLength(2); // first login, one re-login, then it stops
      for (const t of tokens) expect(e.message).not.toContain(t);
    } finally {
      await shortLived.close();
    }
  });
});

describe("SenarClient onError", () => {
  it("is told once per failing call, with the SenarError the caller gets, and never on success", async () => {
    const told: SenarError[] = [];
    const ok = client({ onError: (e) => void told.push(e) });
    await ok.users();
    expect(told).toHaveLength(0);
    const bad = client({ onError: (e) => void told.push(e) }, { password: "wrong-pass1" });
    const e = await caught(bad.users());
    expect(told).toEqual([e]);
    expect(e.kind).toBe("authentication");
  });

  it("a failing hook does not change what the caller sees", async () => {
    const bad = client({ onError: () => Promise.reject(new Error("db down")) }, { password: "wrong-pass1" });
    expect((await caught(bad.login())).kind).toBe("authentication");
  });
});

describe("SenarClient faults", () => {
  it("errorRate 1: unavailable after the bounded retries", async () => {
    const retries: RetryEvent[] = [];
    const c = client({ retries: 2, onRetry: (e) => retries.push(e) });
    await c.login();
    sim.setFaults({ errorRate: 1 });
    const e = await caught(c.users());
    expect(e.kind).toBe("unavailable");
    expect(e.status).toBe(500);
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, "HTTP 500"],
      [2, "HTTP 500"],
    ]);
    expect(seen(/^GET \/integration\/data\/users 500/)).toBe(3);
    expect(toAppError(e)).toMatchObject({ code: "senar_unavailable", status: 502 });
  });

  it("errorRate 1 on a POST: not retried", async () => {
    const c = client();
    await c.login();
    sim.setFaults({ errorRate: 1 });
    const e = await caught(c.registerWebhook({ hookUrl: "https://portal.example/h", method: "user" }));
    expect(e.kind).toBe("unavailable");
    expect(seen(/webhook_register 500/)).toBe(1);
  });

  it("errorRate 0.3: GETs still succeed thanks to the retries", async () => {
    const retries: RetryEvent[] = [];
    // Enough tries that a run of failures (0.3^7) cannot plausibly exhaust them.
    const c = client({ retries: 6, onRetry: (e) => retries.push(e) });
    const count = (await c.users()).records.length;
    sim.setFaults({ errorRate: 0.3 });
    for (let i = 0; i < 8; i++) {
      const { records } = await c.users();
      expect(records).toHaveLength(count);
    }
    expect(retries.length).toBe(seen(/^GET \/integration\/data\/users 500/));
  });

  it("malformedRate 0.2: valid records kept, invalid ones counted and reported with reasons", async () => {
    sim.setFaults({ malformedRate: 0.2 });
    const seed = sim.dataset().seed;
    const all = [...sim.dataset().activities()];
    const expectedRefused = all.filter((a) => UNUSABLE.has(malformationFor(seed, a.id, 0.2)!)).length;
    const damaged = all.filter((a) => malformationFor(seed, a.id, 0.2) !== null).length;
    expect(expectedRefused).toBeGreaterThan(0);
    expect(damaged).toBeGreaterThan(expectedRefused); // most damage is survivable

    const { records, refused, totals } = await collect(client(), { batchSize: 700 });
    expect(totals.seen).toBe(ACTIVITIES);
    expect(totals.refused).toBe(expectedRefused);
    expect(totals.valid + totals.refused).toBe(ACTIVITIES);
    expect(records).toHaveLength(totals.valid);
    expect(refused).toHaveLength(expectedRefused);
    for (const r of refused) expect(r.reason).toMatch(/^(id|trainingDate|total\w+|\w+): .+/);
    expect(refused.some((r) => r.reason.startsWith("id: "))).toBe(true);
    // A survivable record still carries its extra fields in raw.
    expect(records.some((r) => "legacyCode" in r.raw)).toBe(true);
  });

  it("latency beyond the timeout: a timeout error", async () => {
    const c = client({ timeoutMs: 200 });
    await c.login();
    sim.setFaults({ latencyMs: 2_000 });
    const e = await caught(c.users());
    expect(e.kind).toBe("timeout");
    expect(toAppError(e)).toMatchObject({ code: "senar_timeout", status: 504 });
  });

  /** A plain TCP relay in front of the real simulator that stops passing bytes after 200 kB. */
  async function stallingRelay() {
    const sockets = new Set<Socket>();
    const relay = createServer((down) => {
      const up = connect(sim.port, "127.0.0.1");
      sockets.add(down).add(up);
      let bytes = 0;
      down.pipe(up);
      up.on("data", (d: Buffer) => {
        if (bytes > 200_000) return void up.pause();
        bytes += d.length;
        down.write(d);
      });
      for (const s of [up, down]) s.on("error", () => undefined);
    });
    await new Promise<void>((r) => relay.listen(0, "127.0.0.1", r));
    return {
      url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
      close: async () => {
        for (const s of sockets) s.destroy();
        await new Promise((r) => relay.close(r));
      },
    };
  }

  it("a body that stalls mid-stream: a timeout, not a hang", async () => {
    const relay = await stallingRelay();
    try {
      const c = client({ timeoutMs: 2_000 }, { baseUrl: relay.url });
      let handed = 0;
      const e = await caught(c.streamActivities(async (r) => void (handed += r.length), { batchSize: 100 }));
      expect(e.kind).toBe("timeout");
      expect(e.message).toMatch(/stopped sending data for 2000 ms \(after \d+ records\)/);
      expect(handed).toBeGreaterThan(0); // it did stream before the stall
      expect(handed).toBeLessThan(ACTIVITIES);
    } finally {
      await relay.close();
    }
  });

  it("a stalled body ends at once when the caller's signal aborts, with the signal's reason", async () => {
    // The sync's time budget relies on this: a wait for Senar's next bytes ends on the signal.
    const relay = await stallingRelay();
    try {
      const c = client({ timeoutMs: 30_000 }, { baseUrl: relay.url });
      const stop = new AbortController();
      const reason = new Error("budget spent");
      let handed = 0;
      const started = Date.now();
      const out = c.streamActivities(async (r) => {
        handed += r.length;
        setTimeout(() => stop.abort(reason), 300);
      }, { batchSize: 100, signal: stop.signal });
      await expect(out).rejects.toBe(reason);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(handed).toBeGreaterThan(0);
    } finally {
      await relay.close();
    }
  });

  it("the connection dropping mid-stream: unavailable, with how far it got", async () => {
    // Big enough that the answer cannot already sit in socket buffers when the connection dies.
    const big = await startSimulator({ port: 0, users: 5, trainees: 50, activities: 200_000 });
    try {
      const c = new SenarClient({ baseUrl: big.url, username: USER, password: PASSWORD }, { timeoutMs: 5_000, retries: 0 });
      let handed = 0;
      const e = await caught(
        c.streamActivities(
          async (r) => {
            handed += r.length;
            big.setFaults({ down: true });
          },
          { batchSize: 50 },
        ),
      );
      expect(e.kind).toBe("unavailable");
      expect(e.message).toMatch(/dropped after \d+ records/);
      expect(handed).toBeLessThan(200_000);
    } finally {
      await big.close();
    }
  });

  it("nothing listening: unavailable after retries", async () => {
    const gone = await startSimulator({ port: 0, users: 1, trainees: 1, activities: 1 });
    await gone.close();
    const retries: RetryEvent[] = [];
    const e = await caught(new SenarClient({ baseUrl: gone.url, username: USER, password: PASSWORD }, { timeoutMs: 2_000, retryBaseMs: 5, onRetry: (r) => retries.push(r) }).users());
    expect(e.kind).toBe("unavailable");
    expect(e.message).toMatch(/could not be reached \(ECONNREFUSED\)/);
    expect(retries).toHaveLength(2); // the login POST may be retried when nothing reached Senar
  });
});
