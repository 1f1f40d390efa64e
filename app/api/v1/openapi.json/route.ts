import { buildOpenApi } from "@/server/api/openapi";
import { env } from "@/server/env";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the public API (no key needed).
export const GET = route({}, async () => Response.json(buildOpenApi(env().APP_URL), { headers: { "Cache-Control": "public, max-age=300" } }));
