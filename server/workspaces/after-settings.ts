import "server-only";
// After a time-zone or pass-mark change every daily rollup must be recomputed, since days and
// passes depend on both. Returns whether a rebuild ran.
import { log } from "../log";

export async function afterSettingsChange(workspaceId: string): Promise<boolean> {
  // The rollup rebuild (server/sync/rollups.ts) is not part of this build yet.
  log.warn("rollups not rebuilt after settings change: no rollup module", { workspaceId });
  return false;
}
