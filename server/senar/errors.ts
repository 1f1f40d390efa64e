import "server-only";
// Typed Senar failures, and the ONE table that turns them into what people see: an error code and
// a fixed message with at most the HTTP status. Upstream text and network error codes stay in the
// SenarError (for the log) and never reach a page, the API or a stored status (issue 12).
import { AppError, type ErrorCode } from "@/server/http/errors";
import { log } from "@/server/log";

/** address_refused: the outgoing guard refused the address. redirect: Senar answered 3xx. */
export type SenarErrorKind = "authentication" | "unavailable" | "timeout" | "bad_response" | "rejected" | "address_refused" | "redirect";

export class SenarError extends Error {
  override name = "SenarError";
  readonly kind: SenarErrorKind;
  readonly status?: number;
  /** Senar's own words (cleaned), when it gave any. */
  readonly senarMessage?: string;

  constructor(kind: SenarErrorKind, message: string, extra: { status?: number; senarMessage?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.senarMessage) this.senarMessage = extra.senarMessage;
  }
}

export function isSenarError(e: unknown): e is SenarError {
  return e instanceof SenarError;
}

const MAX_MESSAGE = 300;

/**
 * Makes an upstream message safe to show: first line only (drops stack traces), no HTML pages,
 * whitespace collapsed, at most 300 characters. Returns undefined when nothing usable is left.
 */
export function cleanSenarMessage(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (/<\s*(!doctype|html|head|body|div|p|h\d|pre|title)\b/i.test(value)) return undefined;
  const firstLine = value.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const text = firstLine.replace(/\s+/g, " ").trim();
  if (!text || /^at\s+\S+\s+\(/.test(text)) return undefined;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/** Pulls Senar's own message out of an error body: JSON `message` / `error` / `title`, or short plain text. */
export function senarMessageFrom(bodyText: string): string | undefined {
  const trimmed = bodyText.trim();
  if (!trimmed) return undefined;
  try {
    const json: unknown = JSON.parse(trimmed);
    if (typeof json === "string") return cleanSenarMessage(json);
    if (json && typeof json === "object" && !Array.isArray(json)) {
      const o = json as Record<string, unknown>;
      const nested = o.error && typeof o.error === "object" ? (o.error as Record<string, unknown>).message : undefined;
      for (const candidate of [o.message, o.Message, o.error, nested, o.title, o.detail]) {
        const m = cleanSenarMessage(candidate);
        if (m) return m;
      }
    }
    return undefined;
  } catch {
    return cleanSenarMessage(trimmed);
  }
}

export type SenarProblem = { code: ErrorCode; message: string };

const TRY_LATER = "Try again in a few minutes.";

/**
 * What a Senar failure means for a person. Used for API errors, action results, the connection
 * status, Test connection and the sync history alike. Only a "rejected" with no status (our own
 * check of the input, before anything was sent) keeps its message, since the portal wrote it.
 */
export function senarProblem(e: SenarError): SenarProblem {
  const http = e.status !== undefined ? ` (HTTP ${e.status})` : "";
  switch (e.kind) {
    case "authentication":
      return { code: "senar_rejected", message: `Wrong credentials: Senar refused the username or password${http}. Check them under Settings → Senar connection.` };
    case "unavailable":
      return { code: "senar_unavailable", message: e.status !== undefined ? `Senar answered HTTP ${e.status}. ${TRY_LATER}` : `Senar could not be reached. ${TRY_LATER}` };
    case "timeout":
      return { code: "senar_timeout", message: `Senar did not answer in time. ${TRY_LATER}` };
    case "bad_response":
      return { code: "senar_bad_response", message: `Senar sent an answer the portal could not read${http} (is this the right address?).` };
    case "redirect":
      return { code: "senar_bad_response", message: `Senar answered a redirect${e.status !== undefined ? ` (${e.status})` : ""}; redirects are refused. Check the Senar address.` };
    case "address_refused":
      return { code: "bad_request", message: "The Senar address is not allowed: only the Senar hosts the operator has allowed (SENAR_ALLOWED_HOSTS) can be used." };
    case "rejected":
      if (e.status === undefined) return { code: "bad_request", message: e.message };
      // 400/422: Senar refused the input itself, so it is the caller's request that must change.
      return { code: e.status === 400 || e.status === 422 ? "bad_request" : "senar_rejected", message: `Senar refused the request (HTTP ${e.status}).` };
  }
}

/** The detail people do not see goes to the server log (no secrets are ever in a SenarError). */
export function logSenarFailure(e: SenarError, where: string): void {
  log.warn(`senar: ${where} failed`, { kind: e.kind, status: e.status, detail: e.message, senarMessage: e.senarMessage });
}

/** The portal's error for a SenarError (routes and actions throw this). */
export function toAppError(e: SenarError): AppError {
  logSenarFailure(e, "call");
  const p = senarProblem(e);
  return new AppError(p.code, p.message);
}
