// The command layer (issue 13, requirement 2): a command checks the role and its input before it
// writes, writes and audits once, and every error leaves through the one table, so a server
// action and a route handler say the same thing for the same failure.
import { describe, expect, it } from "vitest";
import { actionResult } from "@/server/auth/action-result";
import { type Role } from "@/server/auth/guards";
import { createApiKey, revokeApiKey } from "@/server/commands/api-keys";
import { type CommandContext } from "@/server/commands/command";
import { db } from "@/server/db/client";
import { mintScope } from "@/server/auth/scope";
import { AppError } from "@/server/http/errors";
import { toErrorResponse } from "@/server/http/route";
import { SenarError, senarProblem } from "@/server/senar/errors";

async function member(role: Role): Promise<CommandContext> {
  const ws = await db.workspace.create({ data: { slug: `cmd-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, name: "Commands" } });
  const u = await db.user.create({ data: { email: `cmd-${ws.id}@x.test`, passwordHash: "x" } });
  await db.membership.create({ data: { workspaceId: ws.id, userId: u.id, role } });
  return { user: { id: u.id, email: u.email, name: null }, role, workspace: { id: ws.id, slug: ws.slug, name: ws.name, timeZone: "UTC", passMark: 0.8 }, scope: mintScope({ id: ws.id, timeZone: "UTC", passMark: 0.8 }) };
}

const written = async (workspaceId: string) => ({
  keys: await db.apiKey.count({ where: { workspaceId } }),
  audit: await db.auditEvent.count({ where: { workspaceId } }),
});

describe(`commands (${process.env.TEST_DB_KIND})`, () => {
  it("refuse a role below the command's, and bad input, with nothing written", async () => {
    const viewer = await member("VIEWER");
    await expect(createApiKey(viewer, { name: "BI" })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    const admin = await member("ADMIN");
    // An id the browser tampered with (missing, or not an id) must not reach a Prisma `where`.
    for (const id of [undefined, "", "a b", { not: "x" }]) {
      await expect(revokeApiKey(admin, { id })).rejects.toMatchObject({ code: "invalid_input", message: "This request carried an invalid key; nothing was changed." });
    }
    expect(await written(viewer.workspace.id)).toEqual({ keys: 0, audit: 0 });
    expect(await written(admin.workspace.id)).toEqual({ keys: 0, audit: 0 });
  });

  it("write and audit once, with the actor", async () => {
    const admin = await member("ADMIN");
    const created = await createApiKey(admin, { name: "Reports", expires: "never" });
    expect(created.name).toBe("Reports");
    expect(created.key).toMatch(/^snr_/);
    const events = await db.auditEvent.findMany({ where: { workspaceId: admin.workspace.id }, select: { action: true, actorId: true, target: true } });
    expect(events).toEqual([{ action: "api_key.created", actorId: admin.user.id, target: "Reports" }]);
    // The plain key is never in the audit log.
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { workspaceId: admin.workspace.id }, select: { details: true, target: true } }))).not.toContain(created.key);
  });

  it("a SenarError answers the same words from a server action and from a route", async () => {
    const e = new SenarError("timeout", "connect ETIMEDOUT 10.0.0.7:443");
    const expected = senarProblem(e);
    const action = await actionResult(async () => {
      throw e;
    });
    expect(action?.error).toBe(expected.message);
    const res = toErrorResponse(e);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ error: { code: expected.code, message: expected.message } });
    expect(action?.error).not.toContain("10.0.0.7");
  });

  it("a lost database is 503 from both, and other errors stay generic", async () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(toErrorResponse(down).status).toBe(503);
    expect((await actionResult(async () => Promise.reject(down)))?.error).toBe("The database is unavailable; try again shortly.");
    expect((await actionResult(async () => Promise.reject(new Error("secret detail"))))?.error).toBe("Something went wrong on our side; nothing was changed.");
    expect((await actionResult(async () => Promise.reject(new AppError("conflict", "Taken."))))?.error).toBe("Taken.");
  });
});
