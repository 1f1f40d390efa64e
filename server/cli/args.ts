import "server-only";
// "--email a@b --json --name=X" → flags; everything else positional.
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { CliUsageError, type CliArgs } from "./types";

export function parseArgs(argv: string[]): CliArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    // Always a switch, wherever it stands (the dispatcher looks for it before parsing).
    if (a === "--json") continue;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    if (eq > 0) {
      flags[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      flags[a.slice(2)] = next;
      i++;
    } else {
      flags[a.slice(2)] = true;
    }
  }
  return { flags, positional, json: argv.includes("--json") };
}

/** A required string flag, or a usage error naming it. */
export function need(args: CliArgs, name: string, usage: string): string {
  const v = args.flags[name];
  if (typeof v !== "string" || v.trim() === "") throw new CliUsageError(`Missing --${name}.\nUsage: ${usage}`);
  return v;
}

export function optional(args: CliArgs, name: string): string | undefined {
  const v = args.flags[name];
  if (v === true) throw new CliUsageError(`--${name} needs a value.`);
  return v;
}

/** Refuses flags the command does not know (a typo must not be silently ignored). */
export function onlyFlags(args: CliArgs, allowed: string[], usage: string): void {
  const unknown = Object.keys(args.flags).filter((f) => !allowed.includes(f));
  if (unknown.length > 0) throw new CliUsageError(`Unknown option ${unknown.map((f) => `--${f}`).join(", ")}.\nUsage: ${usage}`);
}

/** The workspace named by --workspace, or a clear "no such workspace". */
export async function workspaceFlag(args: CliArgs, usage: string): Promise<{ id: string; slug: string }> {
  const slug = need(args, "workspace", usage);
  const ws = await db.workspace.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!ws) throw new AppError("not_found", `No workspace with the slug ${slug}.`);
  return ws;
}
