// The line protocol between a bench and the harness: a bench prints its human-readable lines,
// then ONE line `BENCH-RESULT {json}` that bench/run-all.ts parses into docs/BENCHMARKS.md.
import os from "node:os";

export type Figure = {
  label: string;
  value: number;
  unit: string;
  /** The reference measured in the same run, and value / reference. */
  reference?: { label: string; value: number };
  ratio?: number;
  goal?: string;
  /** true = goal met, false = missed, undefined = no goal. */
  ok?: boolean;
};

export type BenchResult = {
  name: string;
  title: string;
  size: string;
  method: string;
  figures: Figure[];
  /** Extra markdown (tables) to embed as is. */
  markdown?: string;
  notes: string[];
  /** Missed goals, each with the measured figure and the reason. */
  missed: string[];
};

export const RESULT_PREFIX = "BENCH-RESULT ";

export function printResult(r: BenchResult): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(r)}`);
}

export function parseResult(stdout: string): BenchResult | null {
  const line = stdout.split("\n").reverse().find((l) => l.startsWith(RESULT_PREFIX));
  return line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult) : null;
}

/** One line on the machine's load, printed beside figures that depend on it. */
export function loadLine(): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}
