import "server-only";
// "Sync now" (admins): queue a full sync and audit who asked. Running it is the caller's part
// (startQueuedSync after the answer), since only the request knows how long it may live.
import { audit } from "../audit";
import { env } from "../env";
import { log } from "../log";
import { queueSync } from "../sync/queue";
import { runSync, runSyncToEnd } from "../sync/run-sync";
import { latestRun } from "../data/sync-runs";
import { defineCommand } from "./command";
import { noInput } from "./inputs";

export const syncNow = defineCommand({
  role: "ADMIN",
  input: noInput,
  run: async (ctx) => {
    await queueSync(ctx.workspace.id, "manual");
    await audit({ workspaceId: ctx.workspace.id, actor: ctx.user, action: "sync.start" });
    return { run: await latestRun(ctx.scope) };
  },
});

/** On Node the run goes to the end; on Vercel it takes one time slice and cron continues it. Never throws. */
export async function startQueuedSync(workspaceId: string): Promise<void> {
  await (env().VERCEL ? runSync(workspaceId, { trigger: "manual", maxDurationMs: 50_000 }) : runSyncToEnd(workspaceId, { trigger: "manual" })).catch(
    (err: unknown) => log.error("manual sync failed to run", { err, workspaceId }),
  );
}
