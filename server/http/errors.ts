import "server-only";
// The one error shape: { error: { code, message } }, with the HTTP status taken from a table
// keyed by code, so every route, action and API answers errors the same way.
import { type z } from "zod";

export const errorStatus = {
  bad_request: 400,
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  senar_unavailable: 502,
  senar_rejected: 502,
  senar_bad_response: 502,
  database_unavailable: 503,
  senar_timeout: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; retryAfterSeconds?: number; details?: unknown } = {},
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export function zodMessage(error: z.ZodError, prefix?: string): { message: string; field?: string } {
  const first = error.issues[0];
  const field = first?.path.map(String).join(".") || undefined;
  const where = [prefix, field].filter(Boolean).join(".");
  return { message: where ? `${where}: ${first?.message ?? "invalid"}` : (first?.message ?? "invalid input"), field: where || undefined };
}

export function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

export function errorResponse(err: AppError): Response {
  const headers: Record<string, string> = {};
  if (err.extra.retryAfterSeconds !== undefined) headers["Retry-After"] = String(err.extra.retryAfterSeconds);
  const extra: Record<string, unknown> = {};
  if (err.extra.field) extra.field = err.extra.field;
  if (err.extra.retryAfterSeconds !== undefined) extra.retryAfterSeconds = err.extra.retryAfterSeconds;
  if (err.extra.details !== undefined) extra.details = err.extra.details;
  return Response.json(errorBody(err.code, err.message, extra), { status: err.status, headers });
}
