import "server-only";
// The one table from anything thrown to what the caller is told: AppErrors keep their code, Senar
// failures go through senarProblem, a lost database is 503, the rest is a logged 500. Route
// handlers answer it as JSON and server actions as { error }, so both say the same thing.
// (Its own file because server/senar/errors.ts imports AppError from ./errors.)
import { log } from "../log";
import { SenarError, toAppError } from "../senar/errors";
import { AppError } from "./errors";

export const INTERNAL_MESSAGE = "Something went wrong on our side.";

/** Connection-level failures: answer 503 so callers (and Senar's retries) try again. */
export function isDatabaseDown(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message} ${String((err as { code?: unknown }).code ?? "")}` : "";
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P01|57P03|Connection terminated|connection timeout|Can't reach database|DatabaseNotReachable|Closed/i.test(
    text,
  );
}

/** The AppError a caller sees for `err`; `where` names the entry point in the log. */
export function problemOf(err: unknown, where: string): AppError {
  if (err instanceof AppError) return err;
  // Before the database check: a Senar "ECONNREFUSED" is Senar's outage, not ours.
  if (err instanceof SenarError) return toAppError(err);
  if (isDatabaseDown(err)) {
    log.error("database unavailable", { err, where });
    return new AppError("database_unavailable", "The database is unavailable; try again shortly.");
  }
  log.error(`unhandled ${where} error`, { err });
  return new AppError("internal", INTERNAL_MESSAGE);
}
