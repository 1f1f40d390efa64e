import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { latestRun } from "@/server/data/sync-runs";

export const dynamic = "force-dynamic";

// GET /api/w/[slug]/sync/progress: the latest run (status, phase, counts, percent) for the progress bar.
export const GET = route({ auth: workspaceAuth() }, async ({ auth }) => ({ run: await latestRun(auth.scope) }));
