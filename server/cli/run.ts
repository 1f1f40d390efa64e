import "server-only";
// Runs one CLI invocation and returns the exit code: 0 done, 1 failed, 2 bad input.
import { AppError } from "../http/errors";
import { parseArgs } from "./args";
import { commands } from "./commands";
import { CliUsageError, type CliIo } from "./types";

export type CliOutput = { out: (s: string) => void; err: (s: string) => void };

function commandList(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
}

export async function runCli(argv: string[], output: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  const args = parseArgs(rest);
  const fail = (code: number, kind: string, message: string) => {
    if (args.json) output.out(JSON.stringify({ ok: false, error: { code: kind, message } }));
    else output.err(message);
    return code;
  };
  if (!name || name === "help" || name === "--help") {
    output.out(`Usage: npm run cli -- <command> [--options] [--json]\n\nCommands:\n${commandList()}`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) return fail(2, "unknown_command", `Unknown command "${name}". Commands:\n${commandList()}`);
  const io: CliIo = {
    result: (human, data) => output.out(args.json ? JSON.stringify({ ok: true, ...(data as object) }) : human),
    warn: (line) => output.err(line),
  };
  try {
    await command.run(args, io);
    return 0;
  } catch (err) {
    if (err instanceof CliUsageError) return fail(2, "usage", err.message);
    if (err instanceof AppError) return fail(err.status < 500 ? 2 : 1, err.code, err.message);
    return fail(1, "failed", err instanceof Error ? `Failed: ${err.message}` : "Failed.");
  }
}
