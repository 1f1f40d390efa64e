import { ACTIVITY_FIELDS, activitiesCsvQuery, activitiesStream, toActivityDto } from "@/server/api/activities";
import { apiAuth, reportContext } from "@/server/api/auth";
import { csvResponse } from "@/server/api/csv";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/activities.csv: every activity matching the filters, streamed as CSV (same columns as the JSON).
export const GET = route({ auth: apiAuth(), query: activitiesCsvQuery }, async ({ auth, query }) => {
  const stream = activitiesStream(reportContext(auth), query);
  return csvResponse(`activities-${auth.workspace.slug}.csv`, ACTIVITY_FIELDS, stream, (r) => {
    const dto = toActivityDto(r);
    return ACTIVITY_FIELDS.map((f) => dto[f]);
  });
});
