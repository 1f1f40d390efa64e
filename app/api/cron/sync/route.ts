import { cronAuth } from "@/server/http/cron-auth";
import { route } from "@/server/http/route";
import { runDueSyncs } from "@/server/sync/scheduler";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

// GET /api/cron/sync: Vercel Cron (or any scheduler) runs the due workspace syncs within ~50 s.
export const GET = route({ auth: cronAuth }, async () => {
  const results = await runDueSyncs({ budgetMs: 50_000, trigger: "cron" });
  return {
    ran: results.map((r) => ({ workspaceId: r.workspaceId, runId: r.outcome.runId, status: r.outcome.status, continues: r.outcome.continues, busy: r.outcome.busy })),
  };
});
