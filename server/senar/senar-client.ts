import "server-only";
// The one Senar client (ARCHITECTURE.md, "one vendor client"). Every call has a timeout; the token
// is obtained lazily, reused, and renewed once on a 401; GETs are retried on transient failures;
// lists are parsed as a stream and handed on in batches, so memory stays bounded whatever the size.
// The token and the password never appear in logs or error messages. Every request goes through
// the guarded outgoing fetch (server/net/outbound.ts): allowed hosts only, no redirects.
import { setTimeout as sleep } from "node:timers/promises";
import type { Response } from "undici";
import { userAssignSchema, type UserAssign } from "@/lib/user-assign";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { OutboundError, outboundFetch } from "@/server/net/outbound";
import { SenarError, senarMessageFrom } from "./errors";
import type { ParserEngine } from "./element-stream";
import { createElementStream, JsonShapeError } from "./json-stream";
import { Deadline, isTransient, networkReason, parseMaybeJson, retryAfterMs } from "./senar-transport";
import { parseRecord, type Parsed, type Refused, type SenarActivity, type SenarUser } from "./schemas";

export { SenarError, isSenarError, senarProblem, toAppError, type SenarErrorKind } from "./errors";

export type SenarConnection = { baseUrl: string; username: string; password: string; token?: string | null };
export type StreamTotals = { seen: number; valid: number; refused: number; skipped: number };
export type StreamOptions = {
  batchSize?: number;
  skip?: number;
  signal?: AbortSignal;
  /** "auto" (default) or "streamparser" (the library for everything; kept for comparison in the bench). */
  parser?: ParserEngine;
};
export type OnBatch<T> = (records: Parsed<T>[], refused: Refused[]) => Promise<void>;
/** Told about each retry (for logs and tests); carries no secret. */
export type RetryEvent = { method: string; path: string; attempt: number; reason: string; delayMs: number };
export type SenarClientOptions = {
  timeoutMs?: number;
  /** Extra tries for GETs (and DELETE) after a network error, 429 or 5xx. Default 2 (3 tries in all). */
  retries?: number;
  /** First backoff step in ms (doubled each retry, jittered). Default 300. */
  retryBaseMs?: number;
  onToken?: (token: string) => void | Promise<void>;
  onRetry?: (e: RetryEvent) => void;
  /** Told about every SenarError a public call throws (once per call), before it is thrown. */
  onError?: (err: SenarError) => void | Promise<void>;
};

export const SENAR_PATHS = {
  login: "/api/auth/login",
  users: "/integration/data/users",
  activities: "/integration/data/activities",
  userAssign: "/integration/data/user_assign",
  webhookRegister: "/integration/data/webhook_register",
} as const;

/**
 * A GUESS, not documented by Senar: Zapier-style REST hooks unsubscribe with a DELETE of the
 * subscription under the register path. Kept here alone so it can be corrected in one place.
 */
export const unsubscribePath = (id: string) => `${SENAR_PATHS.webhookRegister}/${encodeURIComponent(id)}`;

const DEFAULT_BATCH = 5_000;
const MAX_RETRY_AFTER_MS = 5_000; // a longer Retry-After means "not now": give up instead of hammering
const MAX_TEXT_BODY = 1_000_000; // non-list answers are small; an HTML error page must not fill memory
const NO_UNSUBSCRIBE = "Senar has no unsubscribe call for this webhook (or refused it)";

type Method = "GET" | "POST" | "DELETE";
/** idempotent: retried on network errors, 429 and 5xx. network: only when nothing reached Senar. */
type RetryPolicy = "idempotent" | "network" | "none";
type Req = { method: Method; path: string; body?: unknown; retry: RetryPolicy; signal?: AbortSignal };

export class SenarClient {
  private token: string | null;
  private pendingLogin: Promise<string> | undefined;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;

  constructor(
    private readonly conn: SenarConnection,
    private readonly opts: SenarClientOptions = {},
  ) {
    this.token = conn.token || null;
    this.timeoutMs = opts.timeoutMs ?? env().SENAR_TIMEOUT_MS;
    this.retries = Math.max(0, opts.retries ?? 2);
    this.retryBaseMs = Math.max(0, opts.retryBaseMs ?? 300);
  }

  /** Always performs a real login (concurrent callers share one); stores and reports the new token. */
  login(): Promise<string> {
    return this.reported(this.sharedLogin());
  }

  async users(opts: { signal?: AbortSignal } = {}): Promise<{ records: Parsed<SenarUser>[]; refused: Refused[] }> {
    const records: Parsed<SenarUser>[] = [];
    const refused: Refused[] = [];
    const collect: OnBatch<SenarUser> = async (r, x) => {
      records.push(...r);
      refused.push(...x);
    };
    await this.reported(this.streamRecords(SENAR_PATHS.users, (raw) => parseRecord("user", raw), collect, { signal: opts.signal }));
    return { records, refused };
  }

  streamUsers(onBatch: OnBatch<SenarUser>, opts: StreamOptions = {}): Promise<StreamTotals> {
    return this.reported(this.streamRecords(SENAR_PATHS.users, (raw) => parseRecord("user", raw), onBatch, opts));
  }

  streamActivities(onBatch: OnBatch<SenarActivity>, opts: StreamOptions = {}): Promise<StreamTotals> {
    return this.reported(this.streamRecords(SENAR_PATHS.activities, (raw) => parseRecord("activity", raw), onBatch, opts));
  }

  /** Adds a Senar user and assigns one collection. Checked against Senar's documented rules first. */
  userAssign(input: UserAssign): Promise<{ message: string; raw: unknown }> {
    return this.reported(this.assign(input));
  }

  registerWebhook(input: { hookUrl: string; method: "user" | "activity" }): Promise<{ id: string }> {
    return this.reported(this.register(input));
  }

  /** Never claims success unless Senar answered 2xx. */
  unsubscribeWebhook(id: string): Promise<{ ok: boolean; message: string }> {
    return this.reported(this.unsubscribe(id));
  }

  /** The one exit of every public call: a SenarError is told to onError, then thrown on. */
  private async reported<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (e) {
      if (e instanceof SenarError && this.opts.onError) {
        try {
          await this.opts.onError(e);
        } catch (hookErr) {
          log.warn("senar: the error hook failed", { error: hookErr instanceof Error ? hookErr.name : "error" });
        }
      }
      throw e;
    }
  }

  /** A real login; concurrent callers share one. Stores and reports the new token. */
  private sharedLogin(): Promise<string> {
    this.pendingLogin ??= this.doLogin().finally(() => {
      this.pendingLogin = undefined;
    });
    return this.pendingLogin;
  }

  // ---- the calls ----

  private async assign(input: UserAssign): Promise<{ message: string; raw: unknown }> {
    const checked = userAssignSchema.safeParse(input);
    if (!checked.success) {
      throw new SenarError("rejected", checked.error.issues[0]?.message ?? "The new user's details are not valid");
    }
    // Only collectionId and password are documented; the other fields mirror the sample user.
    const { res, deadline } = await this.authed({ method: "POST", path: SENAR_PATHS.userAssign, body: checked.data, retry: "none" });
    const text = await this.readText(res, deadline);
    if (!res.ok) throw this.statusError(res.status, text);
    // Senar's own words stay out of what users see (issue 12): a fixed message, the raw answer for the log.
    return { message: "Senar added the user.", raw: parseMaybeJson(text) };
  }

  private async register(input: { hookUrl: string; method: "user" | "activity" }): Promise<{ id: string }> {
    const body = { hookUrl: input.hookUrl, method: input.method, provider: "zapier" };
    const { res, deadline } = await this.authed({ method: "POST", path: SENAR_PATHS.webhookRegister, body, retry: "none" });
    const text = await this.readText(res, deadline);
    if (!res.ok) throw this.statusError(res.status, text);
    const json = parseMaybeJson(text);
    const id = json && typeof json === "object" ? ((json as Record<string, unknown>).id ?? (json as Record<string, unknown>).Id) : undefined;
    if ((typeof id !== "number" && typeof id !== "string") || String(id).trim() === "") {
      throw new SenarError("bad_response", "Senar registered the webhook but sent no id for it", { status: res.status });
    }
    return { id: String(id).trim() };
  }

  private async unsubscribe(id: string): Promise<{ ok: boolean; message: string }> {
    const { res, deadline } = await this.authed({ method: "DELETE", path: unsubscribePath(id), retry: "idempotent" });
    const text = await this.readText(res, deadline);
    if (res.ok) return { ok: true, message: "Senar removed the webhook." };
    if (res.status === 404 || res.status === 405 || res.status === 501) return { ok: false, message: NO_UNSUBSCRIBE };
    if (res.status >= 400 && res.status < 500) {
      log.warn("senar: unsubscribe refused", { status: res.status, senarMessage: senarMessageFrom(text) });
      return { ok: false, message: `${NO_UNSUBSCRIBE} (HTTP ${res.status})` };
    }
    throw this.statusError(res.status, text);
  }

  // ---- lists ----

  private async streamRecords<T>(
    path: string,
    parse: (raw: unknown) => { ok: true; value: Parsed<T> } | { ok: false; refused: Refused },
    onBatch: OnBatch<T>,
    opts: StreamOptions,
  ): Promise<StreamTotals> {
    const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH));
    const skip = Math.max(0, Math.floor(opts.skip ?? 0));
    const { res, deadline } = await this.authed({ method: "GET", path, retry: "idempotent", signal: opts.signal });
    if (!res.ok) throw this.statusError(res.status, await this.readText(res, deadline));
    if (!res.body) throw new SenarError("bad_response", "Senar sent an empty answer", { status: res.status });

    const totals: StreamTotals = { seen: 0, valid: 0, refused: 0, skipped: 0 };
    let records: Parsed<T>[] = [];
    let refused: Refused[] = [];
    const ready: [Parsed<T>[], Refused[]][] = []; // full batches waiting for onBatch
    const parser = createElementStream((element) => {
      totals.seen++;
      if (totals.seen <= skip) {
        totals.skipped++; // resuming: not even validated
        return;
      }
      const r = parse(element);
      if (r.ok) {
        records.push(r.value);
        totals.valid++;
      } else {
        refused.push(r.refused);
        totals.refused++;
      }
      if (records.length + refused.length >= batchSize) {
        ready.push([records, refused]);
        records = [];
        refused = [];
      }
    }, opts.parser);
    // The caller's onBatch runs while nothing is read: TCP backpressure, and its errors pass through untouched.
    const drain = async () => {
      deadline.disarm();
      for (let b = ready.shift(); b; b = ready.shift()) await onBatch(b[0], b[1]);
    };

    const reader = res.body.getReader();
    // The caller's signal wakes a pending read for certain: cancelling ends it (as done), and
    // readChunk then throws the signal's reason.
    const cancel = () => void reader.cancel().catch(() => undefined);
    opts.signal?.addEventListener("abort", cancel, { once: true });
    try {
      for (;;) {
        deadline.arm();
        const chunk = await this.readChunk(reader, deadline, opts.signal, totals.seen);
        if (!chunk) break;
        this.feed(() => parser.write(chunk), totals.seen);
        await drain();
      }
      deadline.disarm();
      this.feed(() => parser.end(), totals.seen);
      if (records.length + refused.length > 0) ready.push([records, refused]);
      await drain();
      return totals;
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    } finally {
      deadline.disarm();
      opts.signal?.removeEventListener("abort", cancel);
    }
  }

  private async readChunk(
    reader: ReadableStreamDefaultReader<Uint8Array>,
    deadline: Deadline,
    signal: AbortSignal | undefined,
    seen: number,
  ): Promise<Uint8Array | undefined> {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      if (deadline.expired) {
        throw new SenarError("timeout", `Senar stopped sending data for ${this.timeoutMs} ms (after ${seen} records)`, { cause: e });
      }
      if (signal?.aborted) throw signal.reason;
      throw new SenarError("unavailable", `The connection to Senar dropped after ${seen} records (${networkReason(e)})`, { cause: e });
    }
    // Ended by the caller's signal (see streamRecords), not by Senar: not the end of the list.
    if (chunk.done && signal?.aborted) throw signal.reason;
    return chunk.done ? undefined : chunk.value;
  }

  private feed(step: () => void, seen: number) {
    try {
      step();
    } catch (e) {
      const what = e instanceof JsonShapeError ? e.message : "the answer is not valid JSON";
      throw new SenarError("bad_response", `Senar sent a list the portal could not read: ${what} (after ${seen} records)`, { cause: e });
    }
  }

  // ---- requests ----

  private async currentToken(): Promise<string> {
    return this.token ?? (await this.sharedLogin());
  }

  /** A data call with the bearer token; on 401/403 logs in again ONCE and retries ONCE. */
  private async authed(req: Req): Promise<{ res: Response; deadline: Deadline }> {
    const used = await this.currentToken();
    const first = await this.send(req, used);
    if (first.res.status !== 401 && first.res.status !== 403) return first;
    first.deadline.disarm();
    await first.res.body?.cancel().catch(() => undefined);
    // Another call may have renewed the token meanwhile: use that rather than logging in twice.
    const fresh = this.token && this.token !== used ? this.token : await this.sharedLogin();
    const second = await this.send(req, fresh);
    if (second.res.status !== 401 && second.res.status !== 403) return second;
    second.deadline.disarm();
    await second.res.body?.cancel().catch(() => undefined);
    throw new SenarError("authentication", "Senar rejected the stored credentials", { status: second.res.status });
  }

  private async doLogin(): Promise<string> {
    const body = { username: this.conn.username, password: this.conn.password };
    const { res, deadline } = await this.send({ method: "POST", path: SENAR_PATHS.login, body, retry: "network" }, null);
    const text = await this.readText(res, deadline);
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      throw new SenarError("authentication", "Senar rejected the username or password", { status: res.status, senarMessage: senarMessageFrom(text) });
    }
    if (!res.ok) throw this.statusError(res.status, text);
    const json = parseMaybeJson(text);
    const o = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
    const token = typeof o.Token === "string" ? o.Token : typeof o.token === "string" ? o.token : "";
    if (!token.trim()) throw new SenarError("bad_response", "Senar's login answer carried no token", { status: res.status });
    this.token = token.trim();
    try {
      await this.opts.onToken?.(this.token);
    } catch (e) {
      log.warn("senar: could not keep the new token", { error: e instanceof Error ? e.name : "error" });
    }
    return this.token;
  }

  private url(path: string): string {
    const base = (this.conn.baseUrl?.trim() || env().SENAR_BASE_URL).replace(/\/+$/, "");
    if (!/^https?:\/\/[^/]+/i.test(base)) throw new SenarError("address_refused", "The Senar address is not a valid http(s) URL");
    return base + path;
  }

  /** One request with retries per its policy. Returns the response with its deadline still running. */
  private async send(req: Req, token: string | null): Promise<{ res: Response; deadline: Deadline }> {
    const url = this.url(req.path);
    const headers: Record<string, string> = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (req.body !== undefined) headers["content-type"] = "application/json";
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const tries = req.retry === "none" ? 1 : this.retries + 1;

    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) throw req.signal.reason;
      const deadline = new Deadline(this.timeoutMs, req.signal);
      let res: Response;
      try {
        // undici's own fetch, not the global one that Next.js patches: nothing here is ever cached.
        res = await outboundFetch(url, { method: req.method, headers, body, signal: deadline.signal }, { purpose: "senar" });
      } catch (e) {
        deadline.disarm();
        if (e instanceof OutboundError) throw refusedError(e);
        if (deadline.expired) throw new SenarError("timeout", `Senar did not answer within ${this.timeoutMs} ms`, { cause: e });
        if (req.signal?.aborted) throw req.signal.reason;
        const reason = networkReason(e);
        if (attempt < tries) {
          await this.backoff(req, attempt, reason, undefined);
          continue;
        }
        throw new SenarError("unavailable", `Senar could not be reached (${reason})`, { cause: e });
      }
      if (req.retry === "idempotent" && attempt < tries && isTransient(res.status)) {
        const wait = retryAfterMs(res.headers.get("retry-after"));
        if (wait === undefined || wait <= MAX_RETRY_AFTER_MS) {
          deadline.disarm();
          await res.body?.cancel().catch(() => undefined);
          await this.backoff(req, attempt, `HTTP ${res.status}`, wait);
          continue;
        }
      }
      return { res, deadline };
    }
  }

  private async backoff(req: Req, attempt: number, reason: string, retryAfter: number | undefined) {
    const step = this.retryBaseMs * 2 ** (attempt - 1);
    const delayMs = Math.round(retryAfter ?? step / 2 + (Math.random() * step) / 2); // "equal jitter"
    log.warn("senar: retrying", { method: req.method, path: req.path, attempt, reason, delayMs });
    this.opts.onRetry?.({ method: req.method, path: req.path, attempt, reason, delayMs });
    await sleep(delayMs, undefined, req.signal ? { signal: req.signal } : undefined);
  }

  /** Reads a (small) body as text, under the call's deadline and a size cap. */
  private async readText(res: Response, deadline: Deadline): Promise<string> {
    try {
      if (!res.body) return "";
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let text = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (text.length > MAX_TEXT_BODY) {
          await reader.cancel().catch(() => undefined);
          break;
        }
      }
      return text + decoder.decode();
    } catch (e) {
      if (deadline.expired) throw new SenarError("timeout", `Senar did not finish its answer within ${this.timeoutMs} ms`, { cause: e });
      throw new SenarError("unavailable", `The connection to Senar dropped (${networkReason(e)})`, { cause: e });
    } finally {
      deadline.disarm();
    }
  }

  /** The error for a non-2xx answer that is not an authentication problem. */
  private statusError(status: number, text: string): SenarError {
    const senarMessage = senarMessageFrom(text);
    if (isTransient(status) || status >= 500) return new SenarError("unavailable", `Senar answered HTTP ${status}`, { status, senarMessage });
    if (status >= 400) {
      return new SenarError("rejected", senarMessage ? `Senar refused the request: ${senarMessage}` : `Senar refused the request (HTTP ${status})`, {
        status,
        senarMessage,
      });
    }
    return new SenarError("bad_response", `Senar answered with an unexpected HTTP ${status}`, { status });
  }
}

/** A refusal of the outgoing guard: never retried, and the host is named only in the log. */
function refusedError(e: OutboundError): SenarError {
  log.warn("senar: outgoing call refused", { reason: e.reason, host: e.extra.host, status: e.extra.status });
  if (e.reason === "redirect") return new SenarError("redirect", e.message, { status: e.extra.status, cause: e });
  return new SenarError("address_refused", e.message, { cause: e });
}
