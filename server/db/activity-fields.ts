import "server-only";
// The one definition of an activity's fields. Each entry's name is at once the "Activity"
// column, the report row's property, the API DTO's property and the API CSV's header; from
// this table come the writers' column list (server/sync/activity-row.ts), the report SELECT and
// row type (server/data/reports/activities.ts), the API schema and DTO (server/api/activity-endpoints.ts) and the
// CSV columns. The Prisma model and the Senar zod schema (server/senar/schemas.ts) are the two
// other spellings, of storage and of the wire; activity-row.ts fails to compile if the Senar
// schema and this table disagree.

export type FieldKind = "id" | "text" | "int" | "float" | "timestamp" | "bool";
type Field = {
  kind: FieldKind;
  nullable: boolean;
  description?: string;
  /** Computed by the report query, not a column. */
  computed?: true;
  /** Stored, but not shown in reports or the API. */
  internal?: true;
};

const text = { kind: "text", nullable: true } as const;
const int = { kind: "int", nullable: true } as const;

export const ACTIVITY_FIELDS = {
  id: { kind: "id", nullable: false },
  trainingDate: { kind: "timestamp", nullable: true },
  traineeId: text,
  firstName: { ...text, description: "Trainee's first name" },
  lastName: { ...text, description: "Trainee's last name" },
  company: text,
  traineeEmail: text,
  traineeProfile: text,
  collectionId: int,
  collectionTitle: text,
  simulatorId: int,
  simulatorTitle: text,
  scenarioId: text,
  scenarioName: text,
  totalPoints: int,
  totalMaxPoints: int,
  scorePct: { kind: "float", nullable: true, description: "totalPoints / totalMaxPoints, as a fraction" },
  passed: { kind: "bool", nullable: true, computed: true, description: "scorePct ≥ the pass mark (the scenario's, else the workspace's); null without a score" },
  totalSec: int,
  totalTries: int,
  tilts: int,
  abandons: int,
  userId: { ...text, description: "The Senar user (instructor) who ran the session" },
  userFirstName: text,
  userLastName: text,
  userEmail: { ...text, internal: true },
  userCostCenter: text,
  userAccountName: text,
} as const satisfies Record<string, Field>;

type Fields = typeof ACTIVITY_FIELDS;
type Flagged<Flag extends string> = { [N in keyof Fields]: Fields[N] extends Record<Flag, true> ? N : never }[keyof Fields];
/** The columns of "Activity" this table describes (what the writers store). */
export type StoredField = Exclude<keyof Fields, Flagged<"computed">>;
/** The fields reports and the API show. */
export type ActivityField = Exclude<keyof Fields, Flagged<"internal">>;
export type FieldsOfKind<K extends FieldKind> = { [N in ActivityField]: Fields[N]["kind"] extends K ? N : never }[ActivityField];
type Nullable<N extends ActivityField> = Fields[N]["nullable"] extends true ? null : never;

/** The field's value in a report row (`id` is a bigint, kept as its decimal text). */
type RowValue = { id: string; text: string; int: number; float: number; timestamp: Date; bool: boolean };
/** An activity as reports read it (one row of the explorer, the CSV exports and the API). */
export type ReportActivity = { [N in ActivityField]: RowValue[Fields[N]["kind"]] | Nullable<N> };

/** The field's value in the API's JSON (and CSV): ids as numbers, times as ISO-8601 UTC text. */
type DtoValue = { id: number; text: string; int: number; float: number; timestamp: string; bool: boolean };
export type ActivityDto = { [N in ActivityField]: DtoValue[Fields[N]["kind"]] | Nullable<N> };

const ALL_NAMES = Object.keys(ACTIVITY_FIELDS) as (keyof Fields)[];
const has = (n: keyof Fields, flag: "computed" | "internal") => flag in ACTIVITY_FIELDS[n];

/** Field names in table order: the API's property order and the API CSV's column order. */
export const ACTIVITY_FIELD_NAMES = ALL_NAMES.filter((n): n is ActivityField => !has(n, "internal"));

/** Every column the writers store, with its kind (the getters and SQL types follow from it). */
export const STORED_COLUMNS = ALL_NAMES.filter((n): n is StoredField => !has(n, "computed")).map((name) => ({ name, kind: ACTIVITY_FIELDS[name].kind }));

export function fieldsOfKind<K extends FieldKind>(kind: K): FieldsOfKind<K>[] {
  return ACTIVITY_FIELD_NAMES.filter((n): n is FieldsOfKind<K> => ACTIVITY_FIELDS[n].kind === kind);
}
