import "server-only";
// Runs one CLI invocation and returns the exit code: 0 done, 1 failed, 2 bad input.
// Under --json stdout carries exactly one JSON document, whatever happens (logs go to stderr),
// so an operator's script can pipe it to jq.
import { AppError } from "../http/errors";
import { parseArgs } from "./args";
import { commands } from "./commands";
import { CliUsageError, type CliIo, type CliResult } from "./types";

export type CliOutput = { out: (s: string) => void; err: (s: string) => void };

const USAGE = "npm run cli -- <command> [--options] [--json]";

function commandList(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
}
const commandInfo = () => commands.map((c) => ({ name: c.name, summary: c.summary, usage: c.usage }));

/** Whether the invocation asked for JSON; usable before anything is parsed or opened. */
export function wantsJson(argv: string[]): boolean {
  return argv.includes("--json");
}

/**
 * A failure as the one thing printed: the message on stderr, or under --json one document on
 * stdout. Also for failures outside a command (environment, database folder) in scripts/cli.ts.
 * Returns the exit code.
 */
export function reportFailure(argv: string[], output: CliOutput, code: number, kind: string, message: string, extra: object = {}): number {
  if (wantsJson(argv)) output.out(JSON.stringify({ ok: false, error: { code: kind, message }, ...extra }));
  else output.err(message);
  return code;
}

export async function runCli(argv: string[], output: CliOutput): Promise<number> {
  const words = argv.filter((a) => a !== "--json");
  const [name, ...rest] = words;
  const json = wantsJson(argv);
  const fail = (code: number, kind: string, message: string, extra?: object) => reportFailure(argv, output, code, kind, message, extra);

  if (!name || name === "help" || name === "--help") {
    const help = `Usage: ${USAGE}\n\nCommands:\n${commandList()}`;
    if (!name) return fail(2, "usage", json ? "No command given." : help, { usage: USAGE, commands: commandInfo() });
    output.out(json ? JSON.stringify({ ok: true, usage: USAGE, commands: commandInfo() }) : help);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    return fail(2, "unknown_command", `Unknown command "${name}". Commands:\n${commandList()}`, { commands: commandInfo() });
  }

  // Held back until the command returns, so a failure after it cannot add a second document.
  let result: CliResult | undefined;
  const io: CliIo = {
    result: (human, data, failure) => {
      if (result) throw new Error(`the command ${name} gave two results`);
      result = { human, data, failure };
    },
    warn: (line) => output.err(line),
  };
  try {
    await command.run(parseArgs(rest), io);
  } catch (err) {
    if (err instanceof CliUsageError) return fail(2, "usage", err.message);
    if (err instanceof AppError) return fail(err.status < 500 ? 2 : 1, err.code, err.message);
    return fail(1, "failed", err instanceof Error ? `Failed: ${err.message}` : "Failed.");
  }
  if (!result) return fail(1, "failed", `Failed: the command ${name} gave no result.`);
  const { human, data, failure } = result;
  output.out(json ? JSON.stringify(failure ? { ok: false, error: failure, ...data } : { ok: true, ...data }) : human);
  return failure ? 1 : 0;
}
