import "server-only";
// The generic server-action adapter: authorize the member from the slug (404/403 pages as
// before), hand the form's fields to the command, and answer { ok } / { error } through the one
// error table (actionResult).
import { actionResult, formArg, type ActionState } from "../auth/action-result";
import { requireMember } from "../auth/guards";
import { type Command } from "./command";

/** A submitted form as a plain object of its text fields; anything else is a clear refusal. */
export function formFields(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formArg(data)) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/**
 * Runs `cmd` for the member of `slug` with `input` (a function, so reading the form is inside
 * the error handling); `done` turns the result into the message and may keep what the form
 * needs. Returns the state and, on success, the result.
 */
export async function commandAction<I, R>(
  slug: string,
  cmd: Command<I, R>,
  input: () => unknown,
  done: (result: R) => string,
): Promise<{ state: ActionState; result?: R }> {
  let result: { value: R } | undefined;
  const state = await actionResult(async () => {
    const raw = input();
    const ctx = await requireMember(slug, cmd.role);
    const value = await cmd(ctx, raw);
    result = { value };
    return done(value);
  });
  return result ? { state, result: result.value } : { state };
}
