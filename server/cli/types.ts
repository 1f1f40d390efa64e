import "server-only";
// The shape of an ops CLI command (scripts/cli.ts dispatches to these).

export type CliArgs = { flags: Record<string, string | true>; positional: string[]; json: boolean };
export type CliIo = {
  /** Human line (default) or JSON (with --json): pass both, the dispatcher prints the right one. */
  result(human: string, data: unknown): void;
  warn(line: string): void;
};
export type CliCommand = {
  name: string;
  summary: string;
  usage: string;
  run(args: CliArgs, io: CliIo): Promise<void>;
};

/** Bad input: printed as a clear message, exit code 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}
