import "server-only";
// Server actions answer forms with { ok } or { error }: AppErrors become their message,
// anything else is logged and answered generically (never a stack trace in the browser).
import { unstable_rethrow } from "next/navigation";
import { AppError } from "../http/errors";
import { log } from "../log";

export type ActionState = { ok?: string; error?: string; at?: number } | null;

export async function actionResult(fn: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: await fn(), at: Date.now() };
  } catch (err) {
    // redirect(), notFound() and forbidden() work by throwing; those must pass through.
    unstable_rethrow(err);
    if (err instanceof AppError) return { error: err.message, at: Date.now() };
    log.error("server action failed", { err });
    return { error: "Something went wrong on our side; nothing was changed.", at: Date.now() };
  }
}

// Server actions receive their arguments exactly as the browser sent them (bound ids travel in
// clear and can be tampered with), so their types must be checked before use: an `undefined`
// id in a Prisma `where` would silently match any row.

/** A bound id or token: a short string of id characters, or a clear refusal. */
export function idArg(value: unknown, what = "id"): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{1,200}$/.test(value)) {
    throw new AppError("invalid_input", `This request carried an invalid ${what}; nothing was changed.`);
  }
  return value;
}

/** A bound flag. */
export function boolArg(value: unknown): boolean {
  if (typeof value !== "boolean") throw new AppError("invalid_input", "This request was malformed; nothing was changed.");
  return value;
}

/** The submitted form. */
export function formArg(value: unknown): FormData {
  if (!(value instanceof FormData)) {
    throw new AppError("invalid_input", "The form could not be read; reload the page and try again.");
  }
  return value;
}
