import "server-only";
// The one definition of an activity as reports, the API and exports see it. Each entry's name
// is at once the "Activity" column, the report row's property, the API DTO's property and the
// API CSV's header; from this table come the report SELECT and row type (activities.ts), the
// API schema and DTO (server/api/activities.ts) and the CSV columns. The Prisma model and the
// Senar zod schema (server/senar/schemas.ts) are the two other spellings, of storage and wire.

export type FieldKind = "id" | "text" | "int" | "float" | "timestamp" | "bool";
type Field = { kind: FieldKind; nullable: boolean; description?: string; /** Computed by the query, not a column. */ computed?: true };

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
  userCostCenter: text,
  userAccountName: text,
} as const satisfies Record<string, Field>;

type Fields = typeof ACTIVITY_FIELDS;
export type ActivityField = keyof Fields;
export type FieldsOfKind<K extends FieldKind> = { [N in ActivityField]: Fields[N]["kind"] extends K ? N : never }[ActivityField];
type Nullable<N extends ActivityField> = Fields[N]["nullable"] extends true ? null : never;

/** The field's value in a report row (`id` is a bigint, kept as its decimal text). */
type RowValue = { id: string; text: string; int: number; float: number; timestamp: Date; bool: boolean };
export type ActivityRow = { [N in ActivityField]: RowValue[Fields[N]["kind"]] | Nullable<N> };

/** The field's value in the API's JSON (and CSV): ids as numbers, times as ISO-8601 UTC text. */
type DtoValue = { id: number; text: string; int: number; float: number; timestamp: string; bool: boolean };
export type ActivityDto = { [N in ActivityField]: DtoValue[Fields[N]["kind"]] | Nullable<N> };

/** Field names in table order: the API's property order and the API CSV's column order. */
export const ACTIVITY_FIELD_NAMES = Object.keys(ACTIVITY_FIELDS) as ActivityField[];

export function fieldsOfKind<K extends FieldKind>(kind: K): FieldsOfKind<K>[] {
  return ACTIVITY_FIELD_NAMES.filter((n): n is FieldsOfKind<K> => ACTIVITY_FIELDS[n].kind === kind);
}

/** The fields that are columns of "Activity" (what the report SELECT reads as is). */
export const STORED_FIELDS = ACTIVITY_FIELD_NAMES.filter((n) => !("computed" in ACTIVITY_FIELDS[n]));

const ID_FIELDS = fieldsOfKind("id");
const TIME_FIELDS = fieldsOfKind("timestamp");

/** A report row as the API's DTO, properties in table order. */
export function toActivityDto(r: ActivityRow): ActivityDto {
  const dto: Record<string, unknown> = {};
  for (const n of ACTIVITY_FIELD_NAMES) dto[n] = r[n];
  for (const n of ID_FIELDS) dto[n] = Number(r[n]);
  for (const n of TIME_FIELDS) {
    const v = r[n];
    dto[n] = v ? new Date(v).toISOString() : null;
  }
  return dto as ActivityDto;
}
