import "server-only";
// The one shape of a change: a command takes the caller's member context, checks the role,
// validates its input with zod, then writes and audits. Server actions and route handlers are
// only adapters over commands (./action.ts, server/http/route.ts), so a rule has one home.
import { type z } from "zod";
import { type MemberContext, type Role } from "../auth/guards";
import { roleAtLeast } from "../auth/roles";
import { AppError } from "../http/errors";

/** Who runs a command. Today the guards' member context; a branded scope can replace it here. */
export type CommandContext = MemberContext;

export type Command<I, R> = {
  (ctx: CommandContext, raw: unknown): Promise<R>;
  readonly role: Role;
  readonly input: z.ZodType<I>;
};

/** Validates `raw` with `schema`; the first issue becomes the one invalid_input AppError. */
export function parseInput<I>(schema: z.ZodType<I>, raw: unknown): I {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const field = first?.path.map(String).join(".") || undefined;
  throw new AppError("invalid_input", first?.message ?? "This request was malformed; nothing was changed.", { field });
}

export function defineCommand<I, R>(spec: { role: Role; input: z.ZodType<I>; run: (ctx: CommandContext, input: I) => Promise<R> }): Command<I, R> {
  const cmd = async (ctx: CommandContext, raw: unknown): Promise<R> => {
    // The adapters authorize first; this check makes a command safe whoever calls it.
    if (!roleAtLeast(ctx.role, spec.role)) {
      throw new AppError("forbidden", `This needs the ${spec.role.toLowerCase()} role in this workspace.`);
    }
    return spec.run(ctx, parseInput(spec.input, raw));
  };
  return Object.assign(cmd, { role: spec.role, input: spec.input });
}
