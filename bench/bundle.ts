// npm run bench:bundle [-- --no-build]
// First-load JS per page route, gzip, from the production build output: the root main files of
// .next/build-manifest.json plus, from the page's client reference manifest, the entry chunks of
// every segment file on the route's path (root layout … nested layouts, page, and the segment
// boundaries such as error/forbidden). Polyfills are left out: they are `nomodule` scripts that
// modern browsers skip. Goal: ≤ 150 KB gzip per route.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { benchArgs } from "./lib/args";
import { buildNext, holdE2eLock } from "./lib/proc";
import { printResult, type BenchResult } from "./lib/result";
import { fmt } from "./lib/stats";

const GOAL_KB = 150;
const NEXT = ".next";
const args = benchArgs();

type Manifest = { entryJSFiles?: Record<string, string[]> };

function clientManifest(pageKey: string): Manifest | null {
  const file = path.join(NEXT, "server", "app", `${pageKey}_client-reference-manifest.js`);
  if (!existsSync(file)) return null;
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, Manifest> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  return sandbox.__RSC_MANIFEST?.[pageKey] ?? Object.values(sandbox.__RSC_MANIFEST ?? {})[0] ?? null;
}

const gzCache = new Map<string, number>();
function gzBytes(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(path.join(NEXT, file.replace(/^\/_next\//, "")))).length;
    gzCache.set(file, n);
  }
  return n;
}

/** Segment files ("[project]/app/w/[slug]/layout") on the path to a page ("/w/[slug]/page"). */
function onPath(entry: string, pageKey: string): boolean {
  const m = /^\[project\]\/app(\/.*)?\/([^/]+)$/.exec(entry);
  if (!m) return false;
  const dir = m[1] ?? "";
  const pageDir = path.posix.dirname(pageKey) === "/" ? "" : path.posix.dirname(pageKey);
  return pageDir === dir || pageDir.startsWith(`${dir}/`);
}

function measure(): { rows: { route: string; kb: number; files: number }[]; shared: number } {
  const build = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes = JSON.parse(readFileSync(path.join(NEXT, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const shared = build.rootMainFiles.reduce((s, f) => s + gzBytes(f), 0);
  const rows: { route: string; kb: number; files: number }[] = [];
  for (const [key, route] of Object.entries(routes)) {
    if (!key.endsWith("/page") || key.startsWith("/_")) continue;
    const m = clientManifest(key);
    if (!m?.entryJSFiles) continue;
    const files = new Set(build.rootMainFiles);
    for (const [entry, chunks] of Object.entries(m.entryJSFiles)) if (onPath(entry, key)) for (const c of chunks) files.add(c);
    const bytes = [...files].reduce((s, f) => s + gzBytes(f), 0);
    rows.push({ route, kb: bytes / 1024, files: files.size });
  }
  rows.sort((a, b) => b.kb - a.kb);
  return { rows, shared: shared / 1024 };
}

// With --no-build the harness holds the e2e lock already (taking it again would wait forever).
const lock = args.build ? await holdE2eLock() : undefined;
let measured: ReturnType<typeof measure>;
try {
  if (args.build) await buildNext();
  measured = measure();
} finally {
  lock?.release();
}
const { rows, shared } = measured;
const over = rows.filter((r) => r.kb > GOAL_KB);
const table = [
  "| route | first-load JS (gzip) | beyond the shared framework | files | ≤ 150 KB |",
  "|---|---:|---:|---:|---|",
  ...rows.map((r) => `| \`${r.route}\` | ${fmt(r.kb)} KB | ${fmt(r.kb - shared)} KB | ${r.files} | ${r.kb <= GOAL_KB ? "yes" : "**no**"} |`),
].join("\n");
console.log(table);
console.log(`\nshared by every route (root main files): ${fmt(shared)} KB gzip; largest route ${fmt(rows[0]?.kb ?? NaN)} KB; ${over.length} over ${GOAL_KB} KB`);

const out: BenchResult = {
  name: "bundle",
  title: "First-load JS per route",
  size: `${rows.length} page routes`,
  method:
    "From `.next` after `next build` (Turbopack): `build-manifest.json` rootMainFiles (framework + runtime, shared by all routes) plus the entry chunks of " +
    "every segment on the route's path, from the page's `*_client-reference-manifest.js` `entryJSFiles`; each distinct file gzipped (zlib default level) and summed. " +
    "Polyfills (`nomodule`) excluded; chunks loaded later on interaction (dynamic imports, e.g. charts) are not first-load.",
  figures: [
    { label: "largest route", value: rows[0]?.kb ?? NaN, unit: "KB gzip", goal: `≤ ${GOAL_KB} KB`, ok: over.length === 0 },
    { label: "shared by all routes", value: shared, unit: "KB gzip" },
    { label: "median route", value: rows[Math.floor(rows.length / 2)]?.kb ?? NaN, unit: "KB gzip" },
  ],
  markdown: table,
  notes: [],
  missed: over.map(
    (r) =>
      `first-load JS of \`${r.route}\` is ${fmt(r.kb)} KB gzip (goal ≤ ${GOAL_KB} KB): ${fmt(shared)} KB of it is the framework every route loads (React 19 + the Next 16 runtime), ` +
      `${fmt(r.kb - shared)} KB the route's own client code`,
  ),
};
printResult(out);
