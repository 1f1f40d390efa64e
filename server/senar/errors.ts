import "server-only";
// Typed Senar failures, and their translation into the portal's one error shape. Messages are
// written for people; they never carry the token, the password or raw upstream bodies.
import { AppError } from "@/server/http/errors";

export type SenarErrorKind = "authentication" | "unavailable" | "timeout" | "bad_response" | "rejected";

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

/** Maps a SenarError onto the portal's error codes, with a plain-words message for the UI and the API. */
export function toAppError(e: SenarError): AppError {
  const said = e.senarMessage ? ` Senar said: "${e.senarMessage}"` : "";
  switch (e.kind) {
    case "authentication":
      return new AppError("senar_rejected", `Senar rejected the stored credentials. Check the Senar username and password in the workspace settings.`);
    case "unavailable":
      return new AppError("senar_unavailable", "Senar could not be reached. Try again in a few minutes.");
    case "timeout":
      return new AppError("senar_timeout", "Senar did not answer in time. Try again in a few minutes.");
    case "bad_response":
      return new AppError("senar_bad_response", "Senar sent an answer the portal could not read.");
    case "rejected":
      // No status: refused by our own check before sending. 400/422: Senar refused the input itself.
      if (e.status === undefined) return new AppError("bad_request", e.message);
      if (e.status === 400 || e.status === 422) return new AppError("bad_request", `Senar refused the request.${said}`);
      return new AppError("senar_rejected", `Senar refused the request (HTTP ${e.status}).${said}`);
  }
}
