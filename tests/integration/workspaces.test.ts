// Workspaces on a real database: the role matrix of workspaceAuth (401/404/403, CSRF), the
// last-owner rule, invites (single use, expiry, bound email), settings validation, and key
// rotation of the stored secrets.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { workspaceAuth, type Role } from "@/server/auth/guards";
import { sessionCookieName } from "@/server/auth/cookies";
import { rotateSecrets } from "@/server/auth/rotate-keys";
import { decrypt, encrypt, keyFrom, keyRing, sealedKeyId } from "@/server/crypto";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { afterSettingsChange } from "@/server/workspaces/after-settings";
import { acceptInvite, createInvite, hashToken, lookupInvite } from "@/server/workspaces/invites";
import { addMember, changeRole, removeMember, setMemberDisabled } from "@/server/workspaces/members";
import { createUser } from "@/server/workspaces/users";
import { createWorkspace, deleteWorkspace, updateConnection, updateGeneral } from "@/server/workspaces/workspaces";

const PW = "a long enough password";
const cli = { user: null, label: "test" };
let n = 0;
const newUser = async () => createUser({ email: `u${++n}-${randomBytes(3).toString("hex")}@example.com`, password: PW });

async function cookieFor(userId: string, sv = 0) {
  return `${sessionCookieName()}=${await encode({ secret: env().AUTH_SECRET, token: { uid: userId, sv } })}`;
}

async function call(minRole: Role, slug: string, cookie: string | null, init: { method?: string; origin?: string } = {}) {
  const headers = new Headers();
  if (cookie) headers.set("cookie", cookie);
  if (init.origin) headers.set("origin", init.origin);
  const req = new Request(`${env().APP_URL}/api/w/${slug}/x`, { method: init.method ?? "GET", headers });
  try {
    const ctx = await workspaceAuth(minRole)(req, { slug });
    return ctx.role;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
}

describe("role matrix (workspaceAuth)", () => {
  it("answers 401 / 404 / 403 / ok by session, membership and role", async () => {
    const [owner, admin, viewer, outsider] = [await newUser(), await newUser(), await newUser(), await newUser()];
    const ws = await createWorkspace({ name: "Matrix Co", ownerId: owner.id }, cli);
    const other = await createWorkspace({ name: "Other Co", ownerId: outsider.id }, cli);
    await addMember(ws.id, admin.email, "ADMIN", cli);
    await addMember(ws.id, viewer.email, "VIEWER", cli);
    const c = { owner: await cookieFor(owner.id), admin: await cookieFor(admin.id), viewer: await cookieFor(viewer.id), outsider: await cookieFor(outsider.id) };

    const expected: Record<keyof typeof c, Record<Role, Role | number>> = {
      owner: { VIEWER: "OWNER", ADMIN: "OWNER", OWNER: "OWNER" },
      admin: { VIEWER: "ADMIN", ADMIN: "ADMIN", OWNER: 403 },
      viewer: { VIEWER: "VIEWER", ADMIN: 403, OWNER: 403 },
      outsider: { VIEWER: 404, ADMIN: 404, OWNER: 404 },
    };
    for (const [who, row] of Object.entries(expected) as [keyof typeof c, Record<Role, Role | number>][]) {
      for (const [min, want] of Object.entries(row) as [Role, Role | number][]) {
        expect(await call(min, ws.slug, c[who]), `${who} needing ${min}`).toBe(want);
      }
    }
    expect(await call("VIEWER", ws.slug, null)).toBe(401);
    expect(await call("VIEWER", "no-such-workspace", c.owner)).toBe(404);
    expect(await call("VIEWER", "../../etc", c.owner)).toBe(404);
    expect(await call("VIEWER", other.slug, c.owner)).toBe(404);
    // A session of an older version (password changed since) counts as signed out.
    expect(await call("VIEWER", ws.slug, await cookieFor(owner.id, 7))).toBe(401);

    // Disabled members get 404, like strangers; re-enabled, they are back.
    await setMemberDisabled(ws.id, viewer.id, true, cli);
    expect(await call("VIEWER", ws.slug, c.viewer)).toBe(404);
    await setMemberDisabled(ws.id, viewer.id, false, cli);
    expect(await call("VIEWER", ws.slug, c.viewer)).toBe("VIEWER");

    // CSRF: a mutation from a foreign Origin is refused before anything else; ours passes.
    expect(await call("ADMIN", ws.slug, c.admin, { method: "POST", origin: "https://evil.example" })).toBe(403);
    expect(await call("ADMIN", ws.slug, c.admin, { method: "POST", origin: new URL(env().APP_URL).origin })).toBe("ADMIN");
  });
});

describe("last owner", () => {
  it("cannot be demoted, disabled or removed; can once another owner exists", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const ws = await createWorkspace({ name: "Owners Ltd", ownerId: a.id }, cli);
    await expect(changeRole(ws.id, a.id, "ADMIN", cli)).rejects.toThrow(/at least one enabled owner/);
    await expect(setMemberDisabled(ws.id, a.id, true, cli)).rejects.toThrow(/at least one enabled owner/);
    await expect(removeMember(ws.id, a.id, cli)).rejects.toThrow(/at least one enabled owner/);
    await addMember(ws.id, b.email, "OWNER", cli);
    await setMemberDisabled(ws.id, b.id, true, cli);
    // A disabled second owner does not count.
    await expect(changeRole(ws.id, a.id, "VIEWER", cli)).rejects.toThrow(/enabled owner/);
    await setMemberDisabled(ws.id, b.id, false, cli);
    // Two owners demoting each other at once: exactly one succeeds.
    const results = await Promise.allSettled([changeRole(ws.id, a.id, "ADMIN", cli), changeRole(ws.id, b.id, "ADMIN", cli)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: ws.id, role: "OWNER", disabledAt: null } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { workspaceId: ws.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["workspace.created", "member.added", "member.disabled", "member.enabled", "member.role_changed"]));
  });
});

describe("invites", () => {
  it("are single-use, expire, keep only a hash, and can be bound to an email", async () => {
    const owner = await newUser();
    const ws = await createWorkspace({ name: "Invite Inc", ownerId: owner.id }, cli);
    const inv = await createInvite(ws.id, { role: "VIEWER" }, { user: owner });
    const row = await db.invite.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(hashToken(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);
    expect(inv.url).toContain(`/invite/${inv.token}`);

    const [x, y] = [await newUser(), await newUser()];
    // Two acceptances at once: one wins, the other is told the invite was used.
    const both = await Promise.allSettled([acceptInvite(inv.token, x), acceptInvite(inv.token, y)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(acceptInvite(inv.token, await newUser())).rejects.toMatchObject({ code: "gone" });
    expect(await db.membership.count({ where: { workspaceId: ws.id } })).toBe(2);

    const old = await createInvite(ws.id, { role: "ADMIN" }, { user: owner });
    await db.invite.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(lookupInvite(old.token)).rejects.toThrow(/expired/);
    await expect(acceptInvite(old.token, await newUser())).rejects.toMatchObject({ code: "gone" });
    await expect(lookupInvite("tampered-token-that-does-not-exist")).rejects.toMatchObject({ code: "not_found" });

    const bound = await createInvite(ws.id, { role: "ADMIN", email: "Bound@Example.com" }, { user: owner });
    await expect(acceptInvite(bound.token, await newUser())).rejects.toMatchObject({ code: "forbidden" });
    const invited = await createUser({ email: "bound@example.com", password: PW });
    expect(await acceptInvite(bound.token, invited)).toBe(ws.slug);
    await expect(createInvite(ws.id, { role: "VIEWER", email: "nope" }, { user: owner })).rejects.toThrow(/valid email/);
  });
});

describe("settings and connection", () => {
  it("validates time zone, pass mark and interval; reports when rollups must be rebuilt", async () => {
    const owner = await newUser();
    const ws = await createWorkspace({ name: "Settings SA", ownerId: owner.id }, cli);
    const base = { name: "Settings SA", timeZone: "UTC", passMarkPct: "80", syncIntervalMinutes: "60" };
    await expect(updateGeneral(ws.id, { ...base, timeZone: "Mars/Olympus" }, cli)).rejects.toThrow(/time zone/);
    await expect(updateGeneral(ws.id, { ...base, passMarkPct: "101" }, cli)).rejects.toThrow(/between 1 and 100/);
    await expect(updateGeneral(ws.id, { ...base, syncIntervalMinutes: "1" }, cli)).rejects.toThrow(/5 minutes/);
    expect((await updateGeneral(ws.id, base, cli)).changed).toEqual([]);
    const r = await updateGeneral(ws.id, { ...base, timeZone: "Europe/Warsaw", passMarkPct: "70", syncIntervalMinutes: "off" }, cli);
    expect(r.rollupsStale).toBe(true);
    expect(await afterSettingsChange(ws.id)).toBe(true); // rollup rebuild runs (empty workspace)
    const saved = await db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
    expect([saved.timeZone, saved.passMark, saved.syncIntervalMinutes]).toEqual(["Europe/Warsaw", 0.7, null]);
    await expect(deleteWorkspace(ws.id, "settings sa")).rejects.toThrow(/Type the workspace name/);
    await deleteWorkspace(ws.id, "Settings SA");
    expect(await db.workspace.count({ where: { id: ws.id } })).toBe(0);
  });

  it("stores the Senar password encrypted, keeps it when the field is left empty, and rotates keys", async () => {
    const owner = await newUser();
    const ws = await createWorkspace({ name: "Crypto GmbH", ownerId: owner.id, senar: { username: "demo@senar.test", password: "demo-pass1" } }, cli);
    const read = () => db.workspace.findUniqueOrThrow({ where: { id: ws.id }, select: { senarPasswordEnc: true, senarBaseUrl: true, senarTokenEnc: true } });
    const pwAt = { workspaceId: ws.id, column: "senarPasswordEnc" } as const;
    const tokAt = { workspaceId: ws.id, column: "senarTokenEnc" } as const;
    const first = await read();
    expect(first.senarBaseUrl).toBe(env().SENAR_BASE_URL);
    expect(first.senarPasswordEnc).not.toContain("demo-pass1");
    expect(decrypt(first.senarPasswordEnc ?? "", pwAt)).toBe("demo-pass1");
    // The default client never returns the secret columns.
    expect(Object.keys(await db.workspace.findUniqueOrThrow({ where: { id: ws.id } }))).not.toContain("senarPasswordEnc");

    await updateConnection(ws.id, { baseUrl: env().SENAR_BASE_URL, username: "demo@senar.test", password: "" }, cli);
    expect(decrypt((await read()).senarPasswordEnc ?? "", pwAt)).toBe("demo-pass1");
    await expect(updateConnection(ws.id, { baseUrl: "ftp://x", username: "u" }, cli)).rejects.toThrow(/http\(s\) URL/);

    // Rotation: the current key becomes "previous", a new one becomes current.
    const oldRing = keyRing();
    const next = { current: keyFrom(randomBytes(32).toString("base64")), previous: oldRing.current };
    await db.workspace.update({ where: { id: ws.id }, data: { senarTokenEnc: encrypt("tok-1", tokAt, oldRing) } });
    const result = await rotateSecrets(db, next);
    expect(result.workspaces).toBeGreaterThanOrEqual(1);
    const after = await read();
    expect(sealedKeyId(after.senarPasswordEnc ?? "")).toBe(next.current.id);
    expect(decrypt(after.senarPasswordEnc ?? "", pwAt, { current: next.current })).toBe("demo-pass1");
    expect(decrypt(after.senarTokenEnc ?? "", tokAt, { current: next.current })).toBe("tok-1");
    expect((await rotateSecrets(db, next)).workspaces).toBe(0);
  });
});

describe("the stored Senar password (issue 12, finding 2)", () => {
  async function setup() {
    const [owner, admin] = [await newUser(), await newUser()];
    const ws = await createWorkspace({ name: "Password Keepers", ownerId: owner.id, senar: { username: "demo@senar.test", password: "demo-pass1" } }, cli);
    await addMember(ws.id, admin.email, "ADMIN", cli);
    const asOwner = { user: { id: owner.id, email: owner.email, name: null }, role: "OWNER" as const };
    const asAdmin = { user: { id: admin.id, email: admin.email, name: null }, role: "ADMIN" as const };
    const snapshot = () =>
      db.workspace.findUniqueOrThrow({ where: { id: ws.id }, select: { senarBaseUrl: true, senarUsername: true, senarPasswordEnc: true, connectionError: true } });
    const events = () => db.auditEvent.findMany({ where: { workspaceId: ws.id }, orderBy: { id: "asc" }, select: { action: true, details: true } });
    return { ws, asOwner, asAdmin, snapshot, events };
  }
  const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof AppError ? e.status : Promise.reject(e)));
  const SIM = "http://127.0.0.1:4010";

  it("a new address or username without the password typed again is refused, and nothing is written", async () => {
    const { ws, asOwner, asAdmin, snapshot, events } = await setup();
    const before = await snapshot();
    const auditBefore = (await events()).length;
    await expect(updateConnection(ws.id, { baseUrl: SIM, username: "demo@senar.test", password: "" }, asOwner)).rejects.toThrow(/Type the Senar password again/);
    await expect(updateConnection(ws.id, { baseUrl: SIM, username: "demo@senar.test" }, cli)).rejects.toThrow(/Type the Senar password again/);
    expect(await status(updateConnection(ws.id, { baseUrl: env().SENAR_BASE_URL, username: "someone-else", password: "" }, asAdmin))).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect(await events()).toHaveLength(auditBefore);
  });

  it("an admin may not change the address (403, even with the password), but may re-enter the username and password", async () => {
    const { ws, asAdmin, snapshot, events } = await setup();
    const before = await snapshot();
    expect(await status(updateConnection(ws.id, { baseUrl: SIM, username: "demo@senar.test", password: "demo-pass1" }, asAdmin))).toBe(403);
    expect(await status(updateConnection(ws.id, { baseUrl: SIM, username: "demo@senar.test", password: "" }, asAdmin))).toBe(403);
    // A caller with a session but no role is treated as not an owner.
    expect(await status(updateConnection(ws.id, { baseUrl: SIM, username: "demo@senar.test", password: "x" }, { user: asAdmin.user }))).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await events()).map((e) => e.action)).not.toContain("connection.address_changed");

    await updateConnection(ws.id, { baseUrl: env().SENAR_BASE_URL, username: "new-user", password: "new-pass1" }, asAdmin);
    const after = await snapshot();
    expect(after.senarUsername).toBe("new-user");
    expect(decrypt(after.senarPasswordEnc ?? "", { workspaceId: ws.id, column: "senarPasswordEnc" })).toBe("new-pass1");
    expect(after.senarBaseUrl).toBe(before.senarBaseUrl);
  });

  it("an owner with the password changes the address: audited with the old and new host, never the password", async () => {
    const { ws, asOwner, snapshot, events } = await setup();
    await updateConnection(ws.id, { baseUrl: `${SIM}/`, username: "demo@senar.test", password: "demo-pass1" }, asOwner);
    expect((await snapshot()).senarBaseUrl).toBe(SIM);
    const all = await events();
    const changed = all.filter((e) => e.action === "connection.address_changed");
    expect(changed).toEqual([
      { action: "connection.address_changed", details: { fromHost: new URL(env().SENAR_BASE_URL).host, toHost: "127.0.0.1:4010", from: env().SENAR_BASE_URL.replace(/\/+$/, ""), to: SIM } },
    ]);
    expect(JSON.stringify(all)).not.toContain("demo-pass1");
  });

  it("an address on a host that is not allowed is refused when saved, whoever saves it", async () => {
    const { ws, asOwner, snapshot } = await setup();
    const before = await snapshot();
    for (const baseUrl of ["http://localhost:4010", "http://169.254.169.254/latest#", "http://[::1]:4010", "http://0x7f000002:4010", "https://studio.senar.io.evil.example"]) {
      await expect(updateConnection(ws.id, { baseUrl, username: "demo@senar.test", password: "demo-pass1" }, asOwner), baseUrl).rejects.toThrow(/allowed Senar host/);
      await expect(updateConnection(ws.id, { baseUrl, username: "demo@senar.test", password: "demo-pass1" }, cli), baseUrl).rejects.toThrow(/allowed Senar host/);
    }
    expect(await snapshot()).toEqual(before);
  });
});
