import "server-only";
// Report pages and routes get their workspace facts from the membership check, never from the URL.
import type { MemberContext } from "@/server/auth/guards";

/** What every report query needs to know about the workspace (from requireMember's context). */
export type ReportContext = { workspaceId: string; timeZone: string; passMark: number };

export function reportContext(m: Pick<MemberContext, "workspace">): ReportContext {
  return { workspaceId: m.workspace.id, timeZone: m.workspace.timeZone, passMark: m.workspace.passMark };
}
