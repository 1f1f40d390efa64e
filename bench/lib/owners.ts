// The other owners' bench:* scripts, run as child processes: their arguments for --quick and
// full sizes, and how their printed output becomes figures (read from each script's own format;
// nothing new was agreed with them). A script this file does not know is still run, its output
// embedded as is, and any line saying a goal was not met is listed as a missed goal.
import { existsSync } from "node:fs";
import { parseResult, type BenchResult, type Figure } from "./result";

export type OwnerBench = {
  script: string;
  title: string;
  quickArgs: string[];
  fullArgs: string[];
  quickSize: string;
  fullSize: string;
  doc?: string;
  extract?: (out: string) => Figure[];
  /** Why a goal this script reports can be missed on this machine (shown with the miss). */
  whyMissed?: string;
};

const num = (s: string | undefined) => (s === undefined ? Number.NaN : Number(s.replace(/,/g, "")));

export const OWNER_BENCHES: OwnerBench[] = [
  {
    script: "bench:senar",
    title: "Parsing Senar activities (client)",
    quickArgs: ["--activities", "200000", "--compare", "50000"],
    fullArgs: ["--activities", "1000000", "--compare", "200000"],
    quickSize: "200,000 activities (parser comparison on 50,000)",
    fullSize: "1,000,000 activities (parser comparison on 200,000)",
    doc: "docs/BENCH-SENAR.md",
    extract(out) {
      const f: Figure[] = [];
      const main = /client \(default parser\):.*?-> ([\d,]+) records\/s wall; client ([\d.]+) CPU-s \(([\d,]+) records per CPU-second\)/.exec(out);
      if (main) {
        const rate = num(main[1]);
        f.push({ label: "records/s (wall)", value: rate, unit: "records/s", goal: "≥ 100,000", ok: rate >= 100_000 });
        f.push({ label: "records per client CPU-second", value: num(main[3]), unit: "records/CPU-s" });
      }
      const rss = /peak RSS of this process: (\d+) MB sampled[^,\n]*(?:, (\d+) MB VmHWM)?/.exec(out);
      if (rss) {
        const mb = Math.max(num(rss[1]), num(rss[2] ?? "0"));
        f.push({ label: "peak RSS", value: mb, unit: "MB", goal: "< 300 MB", ok: mb < 300 });
      }
      const cmp = /ratio: ([\d.]+)x wall, ([\d.]+)x per CPU-second/.exec(out);
      if (cmp) f.push({ label: "default parser vs @streamparser/json", value: num(cmp[2]), unit: "× per CPU-second", ratio: num(cmp[2]) });
      return f;
    },
  },
  {
    script: "bench:reports",
    title: "Reports at scale vs raw SQL",
    quickArgs: ["--activities", "100000", "--runs", "10"],
    fullArgs: ["--activities", "1000000", "--runs", "30"],
    quickSize: "100,000 activities, 10 runs per figure",
    fullSize: "1,000,000 activities, 30 runs per figure",
    doc: "docs/BENCH-REPORTS.md",
    whyMissed:
      "the default period (30 days) meets it; over 12 months the dashboard counts unique trainees for two periods (current and previous: whole months from TraineeMonth, edge days from DailyTrainee) and aggregates a year of rollups, all in parallel on two shared cores.",
  },
  {
    script: "bench:sync",
    title: "Full sync vs COPY + upsert",
    quickArgs: [],
    fullArgs: [],
    quickSize: "the script's defaults",
    fullSize: "the script's defaults",
    doc: "docs/BENCH-CACHE.md",
    whyMissed:
      "the process holds ~185 MB before the first record (tsx, Prisma's WebAssembly query compiler, the app's modules), and the reference, with the same Senar client and no Prisma writes, peaks within a few MB of the sync: the records in flight are one batch, the floor is the runtime. The heap is capped at 160 MB (`--max-old-space-size`, as OPERATIONS.md advises for small servers).",
  },
  { script: "bench:webhooks", title: "Webhook intake vs a bare Node insert server", quickArgs: [], fullArgs: [], quickSize: "the script's defaults", fullSize: "the script's defaults", doc: "docs/BENCH-CACHE.md" },
];

/** p50/p95 lines such as "dashboard (30 d)   p50  12.3 ms   p95  20.1 ms" as a markdown table. */
function latencyTable(out: string): string | null {
  const rows = [...out.matchAll(/^(.+?)\s+p50\s+([\d,.]+) ms\s+p95\s+([\d,.]+) ms\s*$/gm)].map((m) => `| ${m[1]!.trim().replace(/\|/g, "\\|")} | ${m[2]} | ${m[3]} |`);
  return rows.length ? ["| measure | p50 ms | p95 ms |", "|---|---:|---:|", ...rows].join("\n") : null;
}

const GOAL_MISSED = /NOT met|BELOW GOAL|ABOVE GOAL|\bmissed\b/i;

/** Turns an owner's script output into a section; their own BENCH-RESULT line wins if present. */
export function ownerResult(b: OwnerBench, quick: boolean, stdout: string): BenchResult {
  const own = parseResult(stdout);
  if (own) return own;
  const lines = stdout.split("\n").filter((l) => l.trim());
  const figures = b.extract?.(stdout) ?? [];
  // Without a parser of its own, the script's p95 lines are its figures.
  if (!figures.length)
    for (const m of stdout.matchAll(/^(.+?)\s+p50\s+([\d,.]+) ms\s+p95\s+([\d,.]+) ms\s*$/gm)) figures.push({ label: `${m[1]!.trim()}, p95`, value: num(m[3]), unit: "ms" });
  const table = latencyTable(stdout);
  const tail = lines.slice(-80).join("\n");
  const missed = lines.filter((l) => GOAL_MISSED.test(l)).map((l) => `\`${l.trim()}\` (as printed by the script)`);
  for (const f of figures) if (f.ok === false && !missed.length) missed.push(`${f.label}: ${f.value} ${f.unit} (goal ${f.goal})`);
  if (b.whyMissed) missed.splice(0, missed.length, ...missed.map((m) => `${m}. Why: ${b.whyMissed}`));
  return {
    name: b.script,
    title: b.title,
    size: quick ? b.quickSize : b.fullSize,
    method:
      `The owner's script, run as a child process with \`${[...(quick ? b.quickArgs : b.fullArgs)].join(" ") || "(no arguments)"}\`; its figures are parsed from what it prints` +
      (b.doc && existsSync(b.doc) ? `; its method and discussion are in [${b.doc.replace("docs/", "")}](${b.doc.replace("docs/", "")}).` : "."),
    figures,
    markdown: [table, "<details><summary>The script's output</summary>\n\n```\n" + tail + "\n```\n\n</details>"].filter(Boolean).join("\n\n"),
    notes: [],
    missed,
  };
}
