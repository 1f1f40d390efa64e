import "server-only";
// The one place that knows Senar's wire format. Liberal in what it accepts (SENAR-API.md):
// missing, null and empty-string fields become null, numbers may arrive as strings, extra
// fields are kept in `raw`. A record is refused only when it has no usable id.
import { z } from "zod";
import { parseSenarTimestamp } from "@/lib/senar-time";
import { fastActivity, fastUser } from "./fast-parse";

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

/** Text field: trimmed string or null; numbers are accepted and turned into text. */
const text = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? blankToNull(v.trim()) : blankToNull(v)),
  z.string().max(10_000).nullable(),
);

/** Integer field: number or numeric string; null when missing. */
const int = z.preprocess(
  (v) => {
    const b = blankToNull(v);
    return typeof b === "string" && /^-?\d+(\.0+)?$/.test(b.trim()) ? Number(b) : b;
  },
  z.number().int().min(-2_147_483_648).max(2_147_483_647).nullable(),
);

const timestamp = z.preprocess(
  blankToNull,
  z
    .string()
    .nullable()
    .transform((v, ctx) => {
      if (v === null) return null;
      const d = parseSenarTimestamp(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `not a timestamp: ${v.slice(0, 40)}` });
        return z.NEVER;
      }
      return d;
    }),
);

export const senarUserSchema = z.object({
  id: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1, "missing id").max(200)),
  firstName: text.default(null),
  lastName: text.default(null),
  email: text.default(null),
  language: text.default(null),
  accountName: text.default(null),
  countryName: text.default(null),
  creationDate: timestamp.default(null),
  profile: text.default(null),
});

export const senarActivitySchema = z.object({
  id: z.preprocess(
    (v) => (typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : v),
    z.number({ message: "missing id" }).int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  ),
  collectionId: int.default(null),
  userId: text.default(null),
  traineeId: text.default(null),
  firstName: text.default(null),
  lastName: text.default(null),
  company: text.default(null),
  trainingDate: timestamp.default(null),
  scenarioId: text.default(null),
  scenarioName: text.default(null),
  totalPoints: int.default(null),
  totalSec: int.default(null),
  totalTries: int.default(null),
  simulatorId: int.default(null),
  tilts: int.default(null),
  totalMaxPoints: int.default(null),
  abandons: int.default(null),
  collectionTitle: text.default(null),
  simulatorTitle: text.default(null),
  userFirstName: text.default(null),
  userLastName: text.default(null),
  userEmail: text.default(null),
  userCostCenter: text.default(null),
  userAccountName: text.default(null),
  traineeEmail: text.default(null),
  traineeProfile: text.default(null),
});

export type SenarUser = z.infer<typeof senarUserSchema>;
export type SenarActivity = z.infer<typeof senarActivitySchema>;
export type RecordKind = "user" | "activity";

/** A parsed record beside the raw one it came from. */
export type Parsed<T> = { record: T; raw: Record<string, unknown> };
export type Refused = { raw: unknown; reason: string };

export const recordSchemas = { user: senarUserSchema, activity: senarActivitySchema } as const;

/** Parses one raw record; never throws. */
export function parseRecord<K extends RecordKind>(
  kind: K,
  raw: unknown,
): { ok: true; value: Parsed<z.infer<(typeof recordSchemas)[K]>> } | { ok: false; refused: Refused } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, refused: { raw, reason: "not a JSON object" } };
  }
  // Plainly well-formed records skip zod (fast-parse.ts); zod decides everything else.
  const fast = kind === "activity" ? fastActivity(raw as Record<string, unknown>) : fastUser(raw as Record<string, unknown>);
  if (fast) return { ok: true, value: { record: fast as z.infer<(typeof recordSchemas)[K]>, raw: raw as Record<string, unknown> } };
  const r = recordSchemas[kind].safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, refused: { raw, reason: `${i?.path.join(".") || kind}: ${i?.message ?? "invalid"}` } };
  }
  return { ok: true, value: { record: r.data as z.infer<(typeof recordSchemas)[K]>, raw: raw as Record<string, unknown> } };
}
