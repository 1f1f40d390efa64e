import { ACTIVITY_CSV_HEADER, activitiesCsvQuery, activitiesStream, activityCsvLine } from "@/server/api/activity-endpoints";
import { apiAuth } from "@/server/api/auth";
import { csvFilename, csvResponse } from "@/server/http/csv";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/activities.csv: every activity matching the filters, streamed as CSV (same columns as the JSON).
export const GET = route({ auth: apiAuth(), query: activitiesCsvQuery }, async ({ auth, query }) => {
  const ctx = auth.scope;
  return csvResponse(csvFilename(auth.workspace.slug, "activities", ctx.timeZone), ACTIVITY_CSV_HEADER, activitiesStream(ctx, query), activityCsvLine, { for: "script" });
});
