// API keys (issue 12, Low): optional expiry (CLI flag and parser), an expired key answers 401,
// the list names the creator and the last use, and removing a member revokes the keys they made.
import { describe, expect, it } from "vitest";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { createApiKey, parseExpiry } from "@/server/api/keys";
import { systemScope } from "@/server/auth/system-scope";
import { listApiKeys } from "@/server/data/api-keys";
import { apikeyCreate } from "@/server/cli/commands/apikey-create";
import { db } from "@/server/db/client";
import { removeMember } from "@/server/workspaces/members";

const DAY = 86_400_000;
const usersWith = (key: string) => listUsers(new Request("http://localhost/api/v1/users", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });

async function setup(slug: string) {
  const ws = await db.workspace.create({ data: { slug: `${slug}-${Date.now()}`, name: slug } });
  const owner = await db.user.create({ data: { email: `owner-${ws.id}@x.test`, passwordHash: "x" } });
  const admin = await db.user.create({ data: { email: `admin-${ws.id}@x.test`, passwordHash: "x" } });
  await db.membership.createMany({ data: [{ workspaceId: ws.id, userId: owner.id, role: "OWNER" }, { workspaceId: ws.id, userId: admin.id, role: "ADMIN" }] });
  return { ws, owner, admin };
}

describe(`API keys (${process.env.TEST_DB_KIND})`, () => {
  it("parse an expiry as days, a date (valid through it) or never, and refuse anything else", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(parseExpiry("90d", now)?.toISOString()).toBe(new Date(now.getTime() + 90 * DAY).toISOString());
    expect(parseExpiry("2027-03-31", now)?.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(parseExpiry("2026-12-02", now)?.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(parseExpiry("never", now)).toBeNull();
    expect(parseExpiry("", now)).toBeNull();
    expect(parseExpiry(undefined, now)).toBeNull();
    for (const bad of ["0d", "4000d", "-5d", "2026-12-01", "2027-02-30", "tomorrow", "90", "2040-01-01"]) {
      expect(() => parseExpiry(bad, now), bad).toThrow(/^expires: /);
    }
  });

  it("an expired key answers 401; before its expiry it works and its last use is shown", async () => {
    const { ws, admin } = await setup("exp");
    const { key, apiKey } = await createApiKey({ workspaceId: ws.id, name: "BI", createdById: admin.id, expiresAt: new Date(Date.now() + DAY) });
    expect((await usersWith(key)).status).toBe(200);
    const [listed] = await listApiKeys(await systemScope(ws.id));
    expect(listed).toMatchObject({ name: "BI", createdBy: admin.email, revokedAt: null });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(listed?.expiresAt?.getTime()).toBe(apiKey.expiresAt?.getTime());
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const res = await usersWith(key);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("the CLI creates an expiring key with --expires and refuses a bad value", async () => {
    const { ws } = await setup("cli");
    const out: unknown[] = [];
    const io = { result: (_h: string, data: unknown) => out.push(data), warn: () => undefined };
    await apikeyCreate.run({ flags: { workspace: ws.slug, name: "Script", expires: "30d" }, positional: [], json: true }, io);
    const data = out[0] as { key: string; expiresAt: string };
    expect(new Date(data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect((await usersWith(data.key)).status).toBe(200);
    const [listed] = await listApiKeys(await systemScope(ws.id));
    expect(listed?.createdBy).toBeNull(); // made by the ops CLI
    await expect(apikeyCreate.run({ flags: { workspace: ws.slug, name: "X", expires: "soon" }, positional: [], json: true }, io)).rejects.toThrow(/expires/);
    expect(await db.apiKey.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("removing a member revokes the keys they created (and only theirs), and the audit says so", async () => {
    const { ws, owner, admin } = await setup("rm");
    const theirs = await createApiKey({ workspaceId: ws.id, name: "Admin's BI", createdById: admin.id });
    const ownerKey = await createApiKey({ workspaceId: ws.id, name: "Owner's script", createdById: owner.id });
    expect((await usersWith(theirs.key)).status).toBe(200);
    const r = await removeMember(ws.id, admin.id, { user: { id: owner.id, email: owner.email, name: null } });
    expect(r.apiKeysRevoked).toEqual(["Admin's BI"]);
    expect((await usersWith(theirs.key)).status).toBe(401);
    expect((await usersWith(ownerKey.key)).status).toBe(200);
    const revoked = (await listApiKeys(await systemScope(ws.id))).find((k) => k.id === theirs.apiKey.id);
    expect(revoked?.revokedReason).toMatch(/removed from the workspace/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, action: "member.removed" } });
    expect(event.details).toEqual({ apiKeysRevoked: ["Admin's BI"] });
  });
});
