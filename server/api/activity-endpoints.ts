import "server-only";
// /api/v1/activities, activities.csv and reports/summary: the API's query vocabulary (Attensa
// paging, Senar field names) translated onto the report filters, so the API runs the very
// queries of the explorer and the breakdowns (server/data/reports) and agrees with the pages.
import { z } from "zod";
import { countActivities, listActivities, streamActivities } from "@/server/data/reports/activities";
import { ACTIVITY_FIELD_NAMES, ACTIVITY_FIELDS, fieldsOfKind, type ActivityDto, type ActivityField, type ReportActivity, type FieldKind } from "@/server/db/activity-fields";
import { getBreakdown } from "@/server/data/reports/breakdowns";
import type { WorkspaceScope } from "@/server/auth/scope";
import { csvLine } from "@/server/http/csv";
import { scenarioKey, SORT_KEYS, todayIn, type ReportFilters } from "@/lib/report-filters";
import { isoDateTime, isoDay } from "./schemas";
import { pagingBlock, type PagingBlock } from "@/server/data/paging-block";
import { pagingBlockSchema, pagingShape, queryInt, workspaceParam } from "./paging";

const text = (name: string) => z.string().trim().min(1, `${name} must not be empty`).max(200, `${name} must be at most 200 characters`);

/** The explorer's filters, under the API's names. */
const filterShape = {
  from: isoDay("from").optional().describe("First day (YYYY-MM-DD, inclusive, in the workspace's time zone); default: all history"),
  to: isoDay("to").optional().describe("Last day (YYYY-MM-DD, inclusive); default: today"),
  collectionId: queryInt("collectionId", 0, 2_147_483_647).optional(),
  simulatorId: queryInt("simulatorId", 0, 2_147_483_647).optional(),
  scenarioId: text("scenarioId").optional().describe("Scenario id within its simulator; needs simulatorId"),
  userId: text("userId").optional().describe("The Senar user (instructor) who ran the session"),
  traineeId: text("traineeId").optional(),
  company: text("company").optional(),
  costCenter: text("costCenter").optional(),
  passed: z.enum(["true", "false"], { message: "passed must be true or false" }).optional(),
};

type FilterInput = { from?: string; to?: string; scenarioId?: string; simulatorId?: number; traineeId?: string; term?: string };

function checkFilters(q: FilterInput, ctx: z.RefinementCtx) {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must not be later than to" });
  if (q.scenarioId && q.simulatorId === undefined) {
    ctx.addIssue({ code: "custom", path: ["scenarioId"], message: "scenarioId needs simulatorId too (scenario ids are unique within a simulator)" });
  }
  if (q.traineeId && q.term) ctx.addIssue({ code: "custom", path: ["traineeId"], message: "traineeId and term cannot be combined" });
}

export const activitiesQuery = z
  .strictObject({ ...pagingShape(SORT_KEYS, "date"), ...filterShape, ...workspaceParam })
  .superRefine(checkFilters);
const { page: _p, rows: _r, ...csvPaging } = pagingShape(SORT_KEYS, "date");
export const activitiesCsvQuery = z.strictObject({ ...csvPaging, ...filterShape, ...workspaceParam }).superRefine(checkFilters);
export const summaryQuery = z
  .strictObject({ ...filterShape, term: pagingShape(SORT_KEYS, "date").term, ...workspaceParam })
  .superRefine(checkFilters);

type Filters = z.infer<typeof summaryQuery> & { sort?: ReportFilters["sort"]; sortDirection?: "ASC" | "DESC"; page?: number; rows?: number };

const EARLIEST = "2000-01-01";

/** The report filter state for an API query (an explicit custom range; all history by default). */
export function toReportFilters(q: Filters, timeZone: string): ReportFilters {
  const today = todayIn(timeZone);
  const from = q.from ?? EARLIEST;
  const to = q.to ?? (from > today ? from : today);
  return {
    range: "custom",
    from,
    to,
    collection: q.collectionId,
    simulator: q.simulatorId,
    scenario: q.scenarioId && q.simulatorId !== undefined ? scenarioKey(q.simulatorId, q.scenarioId) : undefined,
    instructor: q.userId,
    company: q.company,
    costCenter: q.costCenter,
    // The explorer's search matches trainee names, email and id; an id is matched exactly enough.
    q: q.traineeId ?? q.term,
    result: q.passed === "true" ? "pass" : q.passed === "false" ? "fail" : undefined,
    sort: q.sort ?? "date",
    dir: q.sortDirection === "DESC" ? "desc" : "asc",
    page: (q.page ?? 0) + 1,
    // The explorer offers 25/50/100 per page; the API allows up to 500, which the query handles alike.
    size: (q.rows ?? 50) as ReportFilters["size"],
    cols: undefined,
  };
}

// The Activity schema is the field table's (server/db/activity-fields.ts), in its order.
const ZOD_OF: Record<FieldKind, () => z.ZodType> = {
  id: () => z.number().int(),
  text: () => z.string(),
  int: () => z.number().int(),
  float: () => z.number(),
  timestamp: () => isoDateTime,
  bool: () => z.boolean(),
};
const activityShape = Object.fromEntries(
  ACTIVITY_FIELD_NAMES.map((name) => {
    const f: { kind: FieldKind; nullable: boolean; description?: string } = ACTIVITY_FIELDS[name];
    const base = f.nullable ? ZOD_OF[f.kind]().nullable() : ZOD_OF[f.kind]();
    return [name, f.description ? base.describe(f.description) : base];
  }),
) as { [N in ActivityField]: z.ZodType<ActivityDto[N]> };
const ID_FIELDS = fieldsOfKind("id");
const TIME_FIELDS = fieldsOfKind("timestamp");

/**
 * A report row as the API's DTO: ids as numbers, times as ISO-8601 UTC. The row's properties
 * already come in table order (the report SELECT's), which the copy keeps.
 */
export function toActivityDto(r: ReportActivity): ActivityDto {
  const dto: Record<string, unknown> = { ...r };
  for (const n of ID_FIELDS) dto[n] = Number(r[n]);
  for (const n of TIME_FIELDS) {
    const v = r[n];
    dto[n] = v ? new Date(v).toISOString() : null;
  }
  return dto as ActivityDto;
}

export const activitySchema = z.object(activityShape).meta({ id: "Activity", description: "One completed scenario." });
export type { ActivityDto };

export const activitiesPageSchema = z.object({ _paging: pagingBlockSchema, activities: z.array(activitySchema) }).meta({ id: "ActivityPage" });

export async function apiActivitiesPage(
  ctx: WorkspaceScope,
  q: z.infer<typeof activitiesQuery>,
): Promise<{ _paging: PagingBlock; activities: ActivityDto[] }> {
  const f = toReportFilters(q, ctx.timeZone);
  const page = await listActivities(ctx, f);
  const total = page.capped ? await countActivities(ctx, f) : page.total;
  return { _paging: pagingBlock(total, q, page.rows.length), activities: page.rows.map(toActivityDto) };
}

/** The API CSV: one column per DTO property, with the JSON's values. */
export const ACTIVITY_CSV_HEADER = ACTIVITY_FIELD_NAMES;
export function activityCsvLine(r: ReportActivity): string {
  const dto = toActivityDto(r);
  return csvLine(ACTIVITY_FIELD_NAMES.map((n) => dto[n]));
}

export function activitiesStream(ctx: WorkspaceScope, q: z.infer<typeof activitiesCsvQuery>): AsyncGenerator<ReportActivity[]> {
  return streamActivities(ctx, toReportFilters(q, ctx.timeZone), 2_000);
}

export const summarySchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    sessions: z.number().int(),
    trainees: z.number().int().describe("Distinct trainees"),
    averageScore: z.number().nullable().describe("Mean score as a fraction, over scored sessions"),
    passRate: z.number().nullable().describe("Passed / scored sessions, as a fraction"),
    trainingHours: z.number(),
    averageTries: z.number().nullable(),
    averageSec: z.number().nullable(),
    tiltsPerSession: z.number().nullable(),
    abandonsPerSession: z.number().nullable(),
    byCollection: z.array(
      z.object({
        collectionId: z.number().int().nullable(),
        title: z.string(),
        sessions: z.number().int(),
        trainees: z.number().int(),
        averageScore: z.number().nullable(),
        passRate: z.number().nullable(),
        trainingHours: z.number(),
      }),
    ),
  })
  .meta({ id: "Summary", description: "The dashboard figures for the filtered sessions (the breakdowns' totals)." });
export type Summary = z.infer<typeof summarySchema>;

export async function apiSummary(ctx: WorkspaceScope, q: z.infer<typeof summaryQuery>): Promise<Summary> {
  const f = toReportFilters(q, ctx.timeZone);
  const b = await getBreakdown(ctx, { ...f, by: "collection", bsort: "sessions" });
  const t = b.total;
  return {
    from: b.from,
    to: b.to,
    sessions: t.sessions,
    trainees: t.trainees,
    averageScore: t.averageScore,
    passRate: t.passRate,
    trainingHours: t.trainingHours,
    averageTries: t.averageTries,
    averageSec: t.averageSec,
    tiltsPerSession: t.tiltsPerSession,
    abandonsPerSession: t.abandonsPerSession,
    byCollection: b.rows.map((r) => ({
      collectionId: r.key === "" ? null : Number(r.key),
      title: r.label,
      sessions: r.sessions,
      trainees: r.trainees,
      averageScore: r.averageScore,
      passRate: r.passRate,
      trainingHours: r.trainingHours,
    })),
  };
}

