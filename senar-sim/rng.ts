// Deterministic randomness for the simulator: the same seed must give byte-identical data on
// every machine, so nothing here may depend on Math.random, the clock or the platform.

/** A random source returning numbers in [0, 1). */
export type Rng = () => number;

/** 32-bit hash of any mix of strings and numbers (FNV-1a, then a murmur3 finaliser for spread). */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${part}\u0001`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: small, fast, and good enough statistically for synthetic data. */
export function rngFrom(...parts: (string | number)[]): Rng {
  let a = hash32(...parts, "a");
  let b = hash32(...parts, "b");
  let c = hash32(...parts, "c");
  let d = hash32(...parts, "d");
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up: the first outputs of sfc32 correlate with the seed
  return next;
}

/** Integer in [lo, hi], inclusive. */
export function intIn(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks by weight; `weights` are relative and must not all be zero. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error("pick from an empty list");
  return last[0];
}

/** Standard normal variate (Box-Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Deterministic shuffle (Fisher-Yates) of a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const HEX = "0123456789abcdef";

/** A version-4-shaped UUID drawn from `rng` (so it is reproducible, unlike crypto.randomUUID). */
export function uuid(rng: Rng): string {
  let s = "";
  for (let i = 0; i < 32; i++) {
    let v = Math.floor(rng() * 16);
    if (i === 12) v = 4;
    if (i === 16) v = 8 + (v & 3);
    s += HEX[v];
    if (i === 7 || i === 11 || i === 15 || i === 19) s += "-";
  }
  return s;
}
