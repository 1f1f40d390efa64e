import "server-only";
// Who is calling the public API: `Authorization: Bearer <api key>` (the key names the
// workspace), or a signed-in portal session naming the workspace with ?workspace=<slug>.
// Every accepted call then counts against the caller's per-minute budget (429 + Retry-After).
import { workspaceAuth, type Role, type SessionUser } from "@/server/auth/guards";
import { roleAtLeast } from "@/server/auth/roles";
import { mintScope, type WorkspaceScope } from "@/server/auth/scope";
import { AppError } from "@/server/http/errors";
import { findLiveKey } from "./keys";
import { enforceRateLimit } from "./rate-limit";

export type ApiCaller = {
  workspace: { id: string; slug: string; name: string; timeZone: string; passMark: number };
  via: "key" | "session";
  /** Session user; null for API keys. */
  user: SessionUser | null;
  apiKeyId: string | null;
  /** Audit label: the user's email, or "api key <name>". */
  actorLabel: string;
  /** API keys are created by admins and act with admin rights within their workspace. */
  role: Role;
  /** What data functions take: minted here for a live key, by workspaceAuth for a session. */
  scope: WorkspaceScope;
};

function bearer(req: Request): string | null {
  const h = req.headers.get("authorization");
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m?.[1]) throw new AppError("unauthenticated", "Authorization header must be: Bearer <api key>.");
  return m[1];
}

/** route() resolver for /api/v1/*. */
export function apiAuth(minRole: Role = "VIEWER") {
  return async (req: Request): Promise<ApiCaller> => {
    const presented = bearer(req);
    let caller: ApiCaller;
    if (presented !== null) {
      const key = await findLiveKey(presented);
      if (!key) throw new AppError("unauthenticated", "Unknown, revoked or expired API key.");
      caller = {
        workspace: key.workspace,
        via: "key",
        user: null,
        apiKeyId: key.id,
        actorLabel: `api key ${key.name}`,
        role: "ADMIN",
        scope: mintScope(key.workspace),
      };
    } else {
      const slug = new URL(req.url).searchParams.get("workspace");
      const cookie = req.headers.get("cookie");
      if (!cookie) throw new AppError("unauthenticated", "Send Authorization: Bearer <api key>, or sign in and add ?workspace=<slug>.");
      if (!slug) throw new AppError("invalid_input", "workspace: Signed-in calls must name the workspace with ?workspace=<slug>.", { field: "workspace" });
      const m = await workspaceAuth("VIEWER")(req, { slug });
      caller = { workspace: m.workspace, via: "session", user: m.user, apiKeyId: null, actorLabel: m.user.email, role: m.role, scope: m.scope };
    }
    if (!roleAtLeast(caller.role, minRole)) {
      throw new AppError("forbidden", `This needs the ${minRole.toLowerCase()} role in this workspace.`);
    }
    await enforceRateLimit(caller.apiKeyId ? `api:key:${caller.apiKeyId}` : `api:user:${caller.user?.id ?? "?"}`);
    return caller;
  };
}
