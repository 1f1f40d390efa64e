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
