import "server-only";
// The time budget of one sync call, as one AbortSignal. Two rules shape it: every call moves the
// run forward (however small the budget, the first batch is applied), and a batch being written
// finishes (the signal only reaches Senar's stream, never a database transaction).
// So the budget's timer arms the signal only once the call has made progress. The Senar client
// joins this signal with each request's own deadline (AbortSignal.any in senar/senar-transport.ts).

/** Thrown (and used as the abort reason) when the call's time is up: the run pauses, still RUNNING. */
export class BudgetSpent extends Error {
  override name = "BudgetSpent";
}

export class CallBudget {
  readonly #timeUp: AbortSignal | undefined;
  readonly #stop = new AbortController();
  /** For the Senar calls: aborted once time is up and the call has made progress. */
  readonly signal = this.#stop.signal;

  constructor(ms: number | undefined) {
    this.#timeUp = ms !== undefined && Number.isFinite(ms) ? AbortSignal.timeout(Math.max(0, ms)) : undefined;
  }

  readonly #abort = () => this.#stop.abort(new BudgetSpent("The sync call's time budget is spent."));

  /**
   * Called after each write that moved the run forward. Time already up: throws BudgetSpent.
   * Otherwise the timer may now stop the call (adding the same listener twice is a no-op).
   */
  progressed(): void {
    if (!this.#timeUp) return;
    if (this.#timeUp.aborted) {
      this.#abort();
      throw this.signal.reason;
    }
    this.#timeUp.addEventListener("abort", this.#abort, { once: true });
  }

  /** Before starting another write: stop here if the budget already ended the call. */
  check(): void {
    this.signal.throwIfAborted();
  }
}
