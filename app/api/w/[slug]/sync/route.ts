import { after } from "next/server";
import { audit } from "@/server/audit";
import { workspaceAuth } from "@/server/auth/guards";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { log } from "@/server/log";
import { queueSync } from "@/server/sync/queue";
import { runSync, runSyncToEnd } from "@/server/sync/run-sync";
import { latestRun } from "@/server/data/sync-runs";

export const maxDuration = 60;

// POST /api/w/[slug]/sync: "Sync now" (admins): queues a full sync and starts it after answering.
export const POST = route({ auth: workspaceAuth("ADMIN") }, async ({ auth }) => {
  const ws = auth.workspace.id;
  await queueSync(ws, "manual");
  await audit({ workspaceId: ws, actor: auth.user, action: "sync.start" });
  // On Node the run goes to the end; on Vercel it takes one time slice and cron continues it.
  after(() =>
    (env().VERCEL ? runSync(ws, { trigger: "manual", maxDurationMs: 50_000 }) : runSyncToEnd(ws, { trigger: "manual" })).catch((err: unknown) =>
      log.error("manual sync failed to run", { err, workspaceId: ws }),
    ),
  );
  return Response.json({ run: await latestRun(auth.scope) }, { status: 202 });
});
