import "server-only";
// A shortcut for the common case of parseRecord: records whose every field is already plainly
// fine (numbers as numbers, strings, nulls) are converted field by field without zod, which
// costs ~10 µs per activity and would cap a 1,000,000-row sync near 100k records/s. Anything
// unusual returns undefined and goes through the zod schema, which stays the single source of
// truth: tests/unit/senar-schemas.test.ts checks on random records that both agree and that
// the objects below carry exactly the schema's fields.
import { parseSenarTimestamp } from "@/lib/senar-time";

const MAX_INT = 2_147_483_647;
const MIN_INT = -2_147_483_648;
const NUMERIC = /^-?\d+(\.0+)?$/;

// Set by the field readers when a value needs zod's judgement. A flag rather than a sentinel
// return value keeps the object literals below monomorphic, which is what makes this fast.
let unsure = false;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    const t = v.trim();
    if (t.length > 10_000) unsure = true;
    return t === "" ? null : t;
  }
  if (typeof v === "number") return String(v);
  unsure = true;
  return null;
}

function int(v: unknown): number | null {
  if (v === undefined || v === null) return null;
  let n = v;
  if (typeof v === "string") {
    if (v.trim() === "") return null;
    n = NUMERIC.test(v.trim()) ? Number(v) : NaN;
  }
  if (typeof n === "number" && Number.isInteger(n) && n >= MIN_INT && n <= MAX_INT) return n;
  unsure = true;
  return null;
}

function timestamp(v: unknown): Date | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    if (v.trim() === "") return null;
    const d = parseSenarTimestamp(v);
    if (d) return d;
  }
  unsure = true;
  return null;
}

/** The activity as the zod schema would produce it, or undefined when zod must decide. */
export function fastActivity(r: Record<string, unknown>) {
  let id = r.id;
  if (typeof id === "string" && /^\d+$/.test(id.trim())) id = Number(id);
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) return undefined;
  unsure = false;
  const out = {
    id,
    collectionId: int(r.collectionId),
    userId: text(r.userId),
    traineeId: text(r.traineeId),
    firstName: text(r.firstName),
    lastName: text(r.lastName),
    company: text(r.company),
    trainingDate: timestamp(r.trainingDate),
    scenarioId: text(r.scenarioId),
    scenarioName: text(r.scenarioName),
    totalPoints: int(r.totalPoints),
    totalSec: int(r.totalSec),
    totalTries: int(r.totalTries),
    simulatorId: int(r.simulatorId),
    tilts: int(r.tilts),
    totalMaxPoints: int(r.totalMaxPoints),
    abandons: int(r.abandons),
    collectionTitle: text(r.collectionTitle),
    simulatorTitle: text(r.simulatorTitle),
    userFirstName: text(r.userFirstName),
    userLastName: text(r.userLastName),
    userEmail: text(r.userEmail),
    userCostCenter: text(r.userCostCenter),
    userAccountName: text(r.userAccountName),
    traineeEmail: text(r.traineeEmail),
    traineeProfile: text(r.traineeProfile),
  };
  return unsure ? undefined : out;
}

/** The user as the zod schema would produce it, or undefined when zod must decide. */
export function fastUser(r: Record<string, unknown>) {
  const rawId = typeof r.id === "number" ? String(r.id) : r.id;
  if (typeof rawId !== "string") return undefined;
  const id = rawId.trim();
  if (id.length < 1 || id.length > 200) return undefined;
  unsure = false;
  const out = {
    id,
    firstName: text(r.firstName),
    lastName: text(r.lastName),
    email: text(r.email),
    language: text(r.language),
    accountName: text(r.accountName),
    countryName: text(r.countryName),
    creationDate: timestamp(r.creationDate),
    profile: text(r.profile),
  };
  return unsure ? undefined : out;
}
