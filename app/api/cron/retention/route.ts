import { cronAuth } from "@/server/http/cron-auth";
import { route } from "@/server/http/route";
import { pruneOld } from "@/server/retention";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

// GET /api/cron/retention: Vercel Cron (daily) deletes the logs older than the retention periods.
export const GET = route({ auth: cronAuth }, async () => ({ deleted: await pruneOld() }));
