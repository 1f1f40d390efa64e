import "server-only";
// Closes the database before a signalled portal exits. Next's own SIGINT/SIGTERM handler stops
// the HTTP server, lets in-flight requests finish, then calls process.exit() with PGlite still
// open (a folder left that way may not open again, and the lock would name a dead pid). So on a
// signal, process.exit is held back until the database is closed: requests first, then the
// database, then the exit.
import { log } from "./log";

const SIGNAL_NUMBER = { SIGINT: 2, SIGTERM: 15 } as const;
// If nobody calls exit (Next's handler disabled with NEXT_MANUAL_SIG_HANDLE, or stuck on a
// long-lived connection), close and exit anyway.
const EXIT_DEADLINE_MS = 20_000;

export function closeOnSignals(close: () => Promise<void>): void {
  let closing: Promise<void> | undefined;
  const closeOnce = () =>
    (closing ??= close().then(
      () => log.info("database closed before exit"),
      (err: unknown) => log.error("closing the database at exit failed", { error: err instanceof Error ? err.message : String(err) }),
    ));
  const realExit = process.exit.bind(process);
  let held = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (held) return;
      held = true;
      process.exit = ((code?: number | string | null) => {
        void closeOnce().finally(() => realExit(code ?? undefined));
      }) as typeof process.exit;
      const others = process.listenerCount(signal) > 1;
      setTimeout(() => process.exit(128 + SIGNAL_NUMBER[signal]), others ? EXIT_DEADLINE_MS : 0);
    });
  }
}
