import "server-only";
// The activities, CSV export and summary operations of the OpenAPI document.
import { activitiesCsvQuery, activitiesPageSchema, activitiesQuery, summaryQuery, summarySchema } from "./activity-endpoints";
import type { ApiOperation } from "./operation";

export function extraOperations(common: Record<string, string>): ApiOperation[] {
  const filters =
    "Filters: from/to (YYYY-MM-DD, inclusive, days in the workspace's time zone), collectionId, simulatorId, scenarioId (with simulatorId), " +
    "userId (the Senar user who ran the session), traineeId, company, costCenter, passed (true/false). `term` searches trainee names, email and id.";
  return [
    {
      id: "listActivities",
      method: "get",
      path: "/api/v1/activities",
      tag: "Activities",
      summary: "List activities",
      description: `Completed scenarios from the portal's cache, newest data as of the last sync or webhook. ${filters}`,
      query: activitiesQuery,
      responses: { "200": { description: "A page of activities", schema: activitiesPageSchema } },
      errors: common,
    },
    {
      id: "exportActivities",
      method: "get",
      path: "/api/v1/activities.csv",
      tag: "Activities",
      summary: "Export activities as CSV",
      description: `Every activity matching the filters (no paging), streamed; the columns are the fields of the JSON Activity, dates in ISO-8601 UTC. ${filters}`,
      query: activitiesCsvQuery,
      responses: { "200": { description: "CSV, one header row", contentType: "text/csv" } },
      errors: common,
    },
    {
      id: "summary",
      method: "get",
      path: "/api/v1/reports/summary",
      tag: "Reports",
      summary: "Dashboard figures",
      description: `Sessions, distinct trainees, average score, pass rate and training time for the filtered sessions, with a per-collection split. ${filters}`,
      query: summaryQuery,
      responses: { "200": { description: "The figures", schema: summarySchema } },
      errors: common,
    },
  ];
}
