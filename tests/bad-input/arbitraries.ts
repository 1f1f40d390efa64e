// fast-check generators of hostile input, shared by every case generator of the bad-input suite.
// Every sample is drawn with a fixed seed, so a failing case is the same on every run.
import fc from "fast-check";

export const SEED = 20_260_808;

/** Draws n samples of an arbitrary, deterministically (the salt separates the streams). */
export function draw<T>(arb: fc.Arbitrary<T>, n: number, salt: string): T[] {
  let h = SEED;
  for (const ch of salt) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return fc.sample(arb, { seed: h, numRuns: n });
}

const sqlish = [
  "' OR '1'='1",
  "'; DROP TABLE \"Workspace\"; --",
  "1; SELECT pg_sleep(10)--",
  "\" OR 1=1 --",
  "admin'--",
  "1 UNION SELECT * FROM \"User\"",
  "%' AND 1=0 UNION SELECT NULL--",
  "$1",
  "\\x00",
];
const htmlish = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\"><svg onload=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "<!--",
  "&lt;&#x3C;",
];
const weird = [
  "",
  " ",
  "\u0000",
  "\u0000abc",
  "\u001b[31mred",
  "\r\nSet-Cookie: x=1",
  "\u202eevil",
  "\ud800",
  "💥🧨👩🏽‍🚒",
  "Ω≈ç√∫˜µ≤≥÷",
  "ｆｕｌｌｗｉｄｔｈ",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "%",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(40),
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlish, ...htmlish, ...weird),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\u001f", "\u007f", "\u200b", "\ufeff", "'", '"', "<", ">", "\\", "%"), minLength: 1, maxLength: 20 }),
  fc.constantFrom(100, 5_000, 70_000).map((n) => "x".repeat(n)),
);

/** A string that no sane identifier, email, number or enum value could be. */
export const invalidToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlish, ...htmlish, "\u0000", "💥", "<>", "'", "x".repeat(5_000), "../x", "%00"),
  fc.string({ unit: fc.constantFrom("<", ">", "'", '"', "\u0000", "💥", " ", "\\"), minLength: 1, maxLength: 12 }),
);

/** Any JSON value of the wrong kind for a field expecting something specific. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 4 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.constant(JSON.parse("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")),
);

export const invalidJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("{", "[1,", "nul", "{'a':1}", '{"a":1,}', '{"a":1}garbage', "\u0000", "<xml/>", "a=1&b=2", '{"a":"\\ud800"', "--boundary"),
  fc.string({ maxLength: 30 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

export const wrongContentType = fc.constantFrom(
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "text/html",
  "application/octet-stream",
  "",
);

export const wrongMethodFor = (allowed: string[]) =>
  ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !allowed.includes(m) && !(m === "GET" && allowed.includes("HEAD")));

/** Encodes a string for a URL path segment, keeping it hostile but well-formed as a URL. */
export const seg = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"));

/** A random mutation of an object: a field removed, set to a wrong type, or extra junk added. */
export function mutate(valid: Record<string, unknown>, salt: string, n: number): Record<string, unknown>[] {
  const keys = Object.keys(valid);
  const arb = fc.record({
    key: fc.constantFrom(...keys),
    how: fc.constantFrom("drop", "wrong", "nasty"),
    wrong: wrongType,
    nasty: nastyString,
    extraKey: nastyString,
    extraValue: wrongType,
  });
  return draw(arb, n, salt).map(({ key, how, wrong, nasty, extraKey, extraValue }) => {
    const copy: Record<string, unknown> = { ...valid, [extraKey || "extra"]: extraValue };
    if (how === "drop") delete copy[key];
    else copy[key] = how === "wrong" ? wrong : nasty;
    return copy;
  });
}
