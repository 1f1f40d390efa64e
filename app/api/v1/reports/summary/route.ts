import { apiSummary, summaryQuery } from "@/server/api/activity-endpoints";
import { apiAuth } from "@/server/api/auth";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/summary: the dashboard figures for the filtered sessions, with a per-collection split.
export const GET = route({ auth: apiAuth(), query: summaryQuery }, async ({ auth, query }) => apiSummary(auth.scope, query));
