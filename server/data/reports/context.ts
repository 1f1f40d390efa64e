import "server-only";
// Report pages and routes get their workspace facts from the membership check, never from the URL.
import type { MemberContext } from "@/server/auth/guards";
import type { ReportContext } from "./sql";

export function reportContext(m: Pick<MemberContext, "workspace">): ReportContext {
  return { workspaceId: m.workspace.id, timeZone: m.workspace.timeZone, passMark: m.workspace.passMark };
}
