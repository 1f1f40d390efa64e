// Flags every bench of this harness understands: --quick (small sizes for routine runs) and
// --no-build (the harness already built Next and holds /tmp/e2e.lock).
import { parseArgs } from "node:util";

export type CommonArgs = { quick: boolean; build: boolean; values: Record<string, string | boolean | undefined> };

export function benchArgs(extra: Record<string, { type: "string" | "boolean" }> = {}): CommonArgs {
  const { values } = parseArgs({
    options: { quick: { type: "boolean" }, "no-build": { type: "boolean" }, ...extra },
    strict: true,
    allowPositionals: false,
  });
  return { quick: values.quick === true, build: values["no-build"] !== true, values: values as CommonArgs["values"] };
}

export function numberFlag(values: CommonArgs["values"], name: string, fallback: number): number {
  const v = values[name];
  if (typeof v !== "string") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}
