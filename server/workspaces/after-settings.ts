import "server-only";
// After a time-zone or pass-mark change every daily rollup is recomputed, since days and passes
// depend on both. Returns whether a rebuild ran.
import { db } from "../db/client";
import { log } from "../log";
import { rebuildRollups } from "../sync/rollups";

export async function afterSettingsChange(workspaceId: string): Promise<boolean> {
  const started = Date.now();
  await rebuildRollups(db, workspaceId);
  log.info("rollups rebuilt after settings change", { workspaceId, ms: Date.now() - started });
  return true;
}
