import "server-only";
// Server actions answer forms with { ok } or { error }: every error goes through the one table
// (server/http/problem.ts) that route handlers use too; never a stack trace in the browser.
import { unstable_rethrow } from "next/navigation";
import { AppError } from "../http/errors";
import { INTERNAL_MESSAGE, problemOf } from "../http/problem";

export type ActionState = { ok?: string; error?: string; at?: number } | null;

export async function actionResult(fn: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: await fn(), at: Date.now() };
  } catch (err) {
    // redirect(), notFound() and forbidden() work by throwing; those must pass through.
    unstable_rethrow(err);
    // The same table as route handlers, so a SenarError or a lost database reads the same here.
    const p = problemOf(err, "server action");
    return { error: p.code === "internal" ? `${INTERNAL_MESSAGE.slice(0, -1)}; nothing was changed.` : p.message, at: Date.now() };
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

/** The submitted form. */
export function formArg(value: unknown): FormData {
  if (!(value instanceof FormData)) {
    throw new AppError("invalid_input", "The form could not be read; reload the page and try again.");
  }
  return value;
}
