import { timingSafeEqual } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { runDueSyncs } from "@/server/sync/scheduler";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

function cronAuth(req: Request): Promise<void> {
  const given = Buffer.from(req.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${env().CRON_SECRET}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Promise.reject(new AppError("unauthenticated", "A valid Authorization: Bearer <CRON_SECRET> header is required."));
  }
  return Promise.resolve();
}

// GET /api/cron/sync: Vercel Cron (or any scheduler) runs the due workspace syncs within ~50 s.
export const GET = route({ auth: cronAuth }, async () => {
  const results = await runDueSyncs({ budgetMs: 50_000, trigger: "cron" });
  return {
    ran: results.map((r) => ({ workspaceId: r.workspaceId, runId: r.outcome.runId, status: r.outcome.status, continues: r.outcome.continues, busy: r.outcome.busy })),
  };
});
