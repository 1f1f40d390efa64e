import { apiAuth } from "@/server/api/auth";
import { usageQuery } from "@/server/api/schemas";
import { usageBetween } from "@/server/data/usage-by-day";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/usage: records received from Senar per local day (the workspace's time zone), by source and type.
export const GET = route({ auth: apiAuth(), query: usageQuery }, async ({ auth, query }) => usageBetween(auth.scope, query));
