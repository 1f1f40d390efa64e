import "server-only";
// The one wrapper for route handlers: authenticates (through the `auth` resolver given),
// parses params, query and JSON body with zod, and maps every error to the one JSON shape.
// Unknown errors are logged and answered 500 without their details.
import { type z } from "zod";
import { AppError, errorResponse, zodMessage } from "./errors";
import { problemOf } from "./problem";

type Schema<T> = z.ZodType<T>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type RouteInput<A, P, Q, B> = { req: Request; auth: A; params: P; query: Q; body: B };

export type RouteSpec<A, P, Q, B> = {
  /** Resolves who is calling (session, API key, …) or throws an AppError. Runs first. */
  auth?: (req: Request, params: Record<string, string | string[]>) => Promise<A>;
  params?: Schema<P>;
  query?: Schema<Q>;
  body?: Schema<B>;
  /** Largest accepted JSON body in bytes (default 1 MB). */
  maxBodyBytes?: number;
};

export const DEFAULT_MAX_BODY = 1_000_000;

/** Reads a request body as text with a hard size limit, without trusting Content-Length. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `Body larger than ${maxBytes} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `Body larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJson(req: Request, maxBytes = DEFAULT_MAX_BODY): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send JSON with Content-Type: application/json.");
  }
  const text = await readBodyLimited(req, maxBytes);
  if (text.trim() === "") throw new AppError("bad_request", "The request body is empty; JSON was expected.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

export function parseWith<T>(schema: Schema<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const { message, field } = zodMessage(r.error, where === "body" ? undefined : where);
    throw new AppError("invalid_input", message, { field });
  }
  return r.data;
}

/** Query string as an object; repeated keys become arrays. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Every error leaves a route through the one table in ./problem.ts. */
export function toErrorResponse(err: unknown): Response {
  return errorResponse(problemOf(err, "route"));
}

export function route<A = undefined, P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<A, P, Q, B>,
  handler: (input: RouteInput<A, P, Q, B>) => Promise<Response | object>,
) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      const rawParams = (await ctx?.params) ?? {};
      const auth = spec.auth ? await spec.auth(req, rawParams) : (undefined as A);
      const params = spec.params ? parseWith(spec.params, rawParams, "params") : ({} as P);
      const query = spec.query ? parseWith(spec.query, queryObject(new URL(req.url)), "query") : ({} as Q);
      const body = spec.body
        ? parseWith(spec.body, await readJson(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : (undefined as B);
      const result = await handler({ req, auth, params, query, body });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
