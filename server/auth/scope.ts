import "server-only";
// The one proof a caller was authorized for a workspace. Data functions take a WorkspaceScope, and
// its brand is a symbol nobody outside this file can name, so the only ways to get one are the
// guards (requireMember / workspaceAuth), the API-key caller, and systemScope for scheduler/CLI/cron.
// The lint rule in eslint.config.mjs keeps mintScope to those files.

declare const scopeBrand: unique symbol;

/** What every workspace-scoped read needs: whose rows, which local day, which pass mark. */
export type WorkspaceScope = {
  readonly workspaceId: string;
  readonly timeZone: string;
  readonly passMark: number;
} & { readonly [scopeBrand]: true };

/** Guards, the API caller and systemScope only (enforced by lint): the workspace was already checked. */
export function mintScope(w: { id: string; timeZone: string; passMark: number }): WorkspaceScope {
  return Object.freeze({ workspaceId: w.id, timeZone: w.timeZone, passMark: w.passMark }) as WorkspaceScope;
}
