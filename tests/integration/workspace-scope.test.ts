// The workspace scope on a real database: the guard and the API-key caller mint it from the
// member's own workspace, systemScope from the row, and a data function given one scope never
// sees another workspace's rows. The @ts-expect-error lines fail `tsc` if the brand is dropped.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { apiAuth } from "@/server/api/auth";
import { createApiKey } from "@/server/api/keys";
import { sessionCookieName } from "@/server/auth/cookies";
import { workspaceAuth } from "@/server/auth/guards";
import type { WorkspaceScope } from "@/server/auth/scope";
import { systemScope } from "@/server/auth/system-scope";
import { usageBetween } from "@/server/data/usage-by-day";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { createUser } from "@/server/workspaces/users";
import { createWorkspace } from "@/server/workspaces/workspaces";

const cli = { user: null, label: "test" };
const newUser = async () => createUser({ email: `scope-${randomBytes(4).toString("hex")}@example.com`, password: "a long enough password" });

async function twoWorkspaces() {
  const [a, b] = [await newUser(), await newUser()];
  const wa = await createWorkspace({ name: "Scope A", ownerId: a.id }, cli);
  const wb = await createWorkspace({ name: "Scope B", ownerId: b.id }, cli);
  await db.workspace.update({ where: { id: wa.id }, data: { timeZone: "Europe/Warsaw", passMark: 0.7 } });
  const day = new Date("2026-05-01T00:00:00Z");
  await db.usageDaily.createMany({
    data: [
      { workspaceId: wa.id, day, source: "sync", type: "activity", count: 3 },
      { workspaceId: wb.id, day, source: "sync", type: "activity", count: 40 },
    ],
  });
  return { a, wa, wb };
}

describe("WorkspaceScope", () => {
  it("workspaceAuth mints the member's own workspace, with its zone and pass mark", async () => {
    const { a, wa, wb } = await twoWorkspaces();
    const cookie = `${sessionCookieName()}=${await encode({ secret: env().AUTH_SECRET, token: { uid: a.id, sv: 0 } })}`;
    const req = new Request(`${env().APP_URL}/api/w/${wa.slug}/x`, { headers: { cookie } });
    const m = await workspaceAuth()(req, { slug: wa.slug });
    expect(m.scope).toEqual({ workspaceId: wa.id, timeZone: "Europe/Warsaw", passMark: 0.7 });
    expect(Object.isFrozen(m.scope)).toBe(true);
    // The other workspace's slug gives no scope at all.
    await expect(workspaceAuth()(new Request(`${env().APP_URL}/api/w/${wb.slug}/x`, { headers: { cookie } }), { slug: wb.slug })).rejects.toMatchObject({ status: 404 });
    const usage = await usageBetween(m.scope, { from: "2026-05-01", to: "2026-05-01" });
    expect(usage.total).toBe(3);
  });

  it("an API key's scope is its own workspace", async () => {
    const { wa, wb } = await twoWorkspaces();
    const { key: token } = await createApiKey({ workspaceId: wb.id, name: "scope test", createdById: null });
    const caller = await apiAuth()(new Request(`${env().APP_URL}/api/v1/usage`, { headers: { authorization: `Bearer ${token}` } }));
    expect(caller.scope.workspaceId).toBe(wb.id);
    expect(caller.scope.workspaceId).not.toBe(wa.id);
    expect((await usageBetween(caller.scope, { from: "2026-05-01", to: "2026-05-01" })).total).toBe(40);
  });

  it("systemScope reads the workspace's own settings and refuses an unknown id", async () => {
    const { wa } = await twoWorkspaces();
    expect(await systemScope(wa.id)).toEqual({ workspaceId: wa.id, timeZone: "Europe/Warsaw", passMark: 0.7 });
    const err = await systemScope("no-such-workspace").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(404);
  });

  it("a hand-built object is not a scope (checked by tsc)", () => {
    const forged = { workspaceId: "x", timeZone: "UTC", passMark: 0.8 };
    // @ts-expect-error the brand cannot be named outside server/auth/scope.ts
    const s: WorkspaceScope = forged;
    expect(s).toBe(forged);
  });
});
