// Malformed records for fault injection. Senar's field nullability is undocumented, so the
// portal must survive missing, null, empty, extra and string-typed fields; a small share of
// records is beyond saving (no usable id, a date that is not a date) and must be refused.
// Which records are damaged, and how, depends only on the seed and the record id, so the same
// request gets the same damage twice (as a real buggy export would).
import { hash32, pick, type Rng, rngFrom } from "./rng";

export type Malformation = "missing" | "null" | "empty" | "extra" | "strings" | "no-id" | "bad-date" | "bad-number";

/** Kinds and their relative weights; the last three make a record unusable. */
const KINDS: readonly (readonly [Malformation, number])[] = [
  ["missing", 20],
  ["null", 20],
  ["empty", 10],
  ["extra", 10],
  ["strings", 20],
  ["no-id", 8],
  ["bad-date", 6],
  ["bad-number", 6],
];
const TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);
export const UNUSABLE: ReadonlySet<Malformation> = new Set(["no-id", "bad-date", "bad-number"]);

/** Whether (and how) the record with this key is damaged at `rate` (0..1). */
export function malformationFor(seed: number, key: string | number, rate: number): Malformation | null {
  if (rate <= 0) return null;
  const h = hash32(seed, "malformed", key);
  if (h / 4294967296 >= rate) return null;
  let r = (hash32(seed, "malformed-kind", key) / 4294967296) * TOTAL;
  for (const [kind, w] of KINDS) {
    r -= w;
    if (r < 0) return kind;
  }
  return "missing";
}

const DATE_FIELDS = ["trainingDate", "creationDate"];

/** Returns a damaged copy of `record` (the original is never touched). */
export function malform(record: Record<string, unknown>, kind: Malformation, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  const fields = Object.keys(out).filter((k) => k !== "id");
  switch (kind) {
    case "missing":
      for (let i = 0; i < 1 + Math.floor(rng() * 3); i++) delete out[pick(rng, fields)];
      break;
    case "null":
      for (let i = 0; i < 1 + Math.floor(rng() * 3); i++) out[pick(rng, fields)] = null;
      break;
    case "empty":
      out[pick(rng, fields)] = "";
      break;
    case "extra":
      out.legacyCode = `X${Math.floor(rng() * 1000)}`;
      out.metadata = { source: "import", version: 2 };
      break;
    case "strings":
      for (const [k, v] of Object.entries(out)) if (typeof v === "number") out[k] = String(v);
      break;
    case "no-id":
      if (rng() < 0.5) delete out.id;
      else out.id = rng() < 0.5 ? null : "n/a";
      break;
    case "bad-date": {
      const f = DATE_FIELDS.find((k) => k in out);
      if (f) out[f] = "31/02/2023 25:61";
      else delete out.id;
      break;
    }
    case "bad-number": {
      const f = Object.keys(out).find((k) => k !== "id" && typeof out[k] === "number");
      if (f) out[f] = "12,5 pts";
      else delete out.id;
      break;
    }
  }
  return out;
}

/** Applies the fault rate to one record: the record itself, or its damaged copy. */
export function maybeMalform<T extends object>(seed: number, record: T, key: string | number, rate: number): T | Record<string, unknown> {
  const kind = malformationFor(seed, key, rate);
  return kind ? malform(record as Record<string, unknown>, kind, rngFrom(seed, "malform", key)) : record;
}
