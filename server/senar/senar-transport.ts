import "server-only";
// Small HTTP helpers of the Senar client: the per-attempt deadline, which answers are worth a
// retry, and tolerant body reading. Kept apart so senar-client.ts reads as the Senar calls themselves.

/** One timer per attempt. For lists it is re-armed before each chunk: it catches a stalled body
 *  without limiting how long a healthy 1,000,000-row answer may take. */
export class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  expired = false;
  readonly signal: AbortSignal;

  constructor(
    private readonly ms: number,
    outer?: AbortSignal,
  ) {
    this.signal = outer ? AbortSignal.any([this.controller.signal, outer]) : this.controller.signal;
    this.arm();
  }
  arm() {
    this.disarm();
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort(new Error("Senar call timed out"));
    }, this.ms);
  }
  disarm() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export const isTransient = (status: number) => status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The network error code for the server log (ECONNREFUSED, ENOTFOUND…); never shown to users. */
export function networkReason(e: unknown): string {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 5; depth++) {
    const { code, errors, cause } = cur as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    cur = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return "network error";
}

export function parseMaybeJson(text: string): unknown {
  const t = text.trim();
  if (!t) return null;
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}
