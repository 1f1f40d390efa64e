import "server-only";
// The shape of an ops CLI command (scripts/cli.ts dispatches to these).

export type CliArgs = { flags: Record<string, string | true>; positional: string[]; json: boolean };
export type CliIo = {
  /**
   * The command's one answer: human text (default) or JSON (with --json); pass both, the
   * dispatcher prints the right one. With a failure the run exits 1 and the JSON has ok: false.
   */
  result(human: string, data: Record<string, unknown>, failure?: { code: string; message: string }): void;
  warn(line: string): void;
};
export type CliResult = { human: string; data: Record<string, unknown>; failure?: { code: string; message: string } };
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
