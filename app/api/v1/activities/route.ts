import { activitiesQuery, apiActivitiesPage } from "@/server/api/activity-endpoints";
import { apiAuth } from "@/server/api/auth";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/activities: completed scenarios, filtered like the explorer, paged.
export const GET = route({ auth: apiAuth(), query: activitiesQuery }, async ({ auth, query }) => apiActivitiesPage(auth.scope, query));
