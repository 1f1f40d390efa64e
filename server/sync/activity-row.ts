import "server-only";
// An activity as the writers store it: the parsed fields plus score %, hash and raw JSON,
// and the column list (name, PostgreSQL type, getter) the unnest() statements are built from.
import type { Parsed, SenarActivity } from "../senar/schemas";
import { cleanText, rawJson, recordHash, utcText, type Column } from "./write-sql";

export type ActivityRow = SenarActivity & { scorePct: number | null; hash: string; rawText: string };

type TextKey = { [K in keyof SenarActivity]: SenarActivity[K] extends string | null ? K : never }[keyof SenarActivity];
type IntKey = { [K in keyof SenarActivity]: SenarActivity[K] extends number | null ? K : never }[keyof SenarActivity];

const text = (name: TextKey): Column<ActivityRow> => ({ name, type: "text", get: (r) => cleanText(r[name]) });
const int = (name: Exclude<IntKey, "id">): Column<ActivityRow> => ({ name, type: "int", get: (r) => r[name] });

/** Every stored field of an activity, in the order of the unnest() columns. */
export const ACTIVITY_COLUMNS: Column<ActivityRow>[] = [
  { name: "id", type: "bigint", get: (r) => String(r.id) },
  int("collectionId"),
  text("userId"),
  text("traineeId"),
  text("firstName"),
  text("lastName"),
  text("company"),
  { name: "trainingDate", type: "timestamp(3)", get: (r) => utcText(r.trainingDate) },
  text("scenarioId"),
  text("scenarioName"),
  int("totalPoints"),
  int("totalSec"),
  int("totalTries"),
  int("simulatorId"),
  int("tilts"),
  int("totalMaxPoints"),
  int("abandons"),
  text("collectionTitle"),
  text("simulatorTitle"),
  text("userFirstName"),
  text("userLastName"),
  text("userEmail"),
  text("userCostCenter"),
  text("userAccountName"),
  text("traineeEmail"),
  text("traineeProfile"),
  { name: "scorePct", type: "float8", get: (r) => r.scorePct },
  { name: "raw", type: "jsonb", get: (r) => r.rawText },
  { name: "hash", type: "text", get: (r) => r.hash },
];

export const FIELD_NAMES = ACTIVITY_COLUMNS.map((c) => c.name).filter((n) => n !== "id");

export function scorePct(points: number | null, max: number | null): number | null {
  return points === null || max === null || max === 0 ? null : points / max;
}

export function toActivityRow(p: Parsed<SenarActivity>): ActivityRow {
  const r = p.record;
  return { ...r, scorePct: scorePct(r.totalPoints, r.totalMaxPoints), hash: recordHash(r), rawText: rawJson(p.raw) };
}

