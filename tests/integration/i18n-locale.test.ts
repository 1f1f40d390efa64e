// Languages on a real database (issue 14): the workspace's default language is validated and
// kept when a caller leaves it out; the session read carries the user's chosen language.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { userFromToken } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { createUser } from "@/server/workspaces/users";
import { createWorkspace, updateGeneral } from "@/server/workspaces/workspaces";

const cli = { user: null, label: "test" };
const newUser = () => createUser({ email: `i18n-${randomBytes(4).toString("hex")}@example.com`, password: "a long enough password" });

describe("workspace default language", () => {
  it("defaults to English, takes one of ours, refuses others and writes nothing", async () => {
    const owner = await newUser();
    const ws = await createWorkspace({ name: "Langues SA", ownerId: owner.id }, cli);
    const read = async () => (await db.workspace.findUniqueOrThrow({ where: { id: ws.id }, select: { defaultLocale: true } })).defaultLocale;
    expect(await read()).toBe("en");
    const base = { name: "Langues SA", timeZone: "UTC", passMarkPct: "80", syncIntervalMinutes: "60" };
    await expect(updateGeneral(ws.id, { ...base, defaultLocale: "xx" }, cli)).rejects.toThrow(/Choose a language/);
    await expect(updateGeneral(ws.id, { ...base, defaultLocale: "fr", passMarkPct: "500" }, cli)).rejects.toThrow(/between 1 and 100/);
    expect(await read()).toBe("en");
    expect((await updateGeneral(ws.id, { ...base, defaultLocale: "de" }, cli)).changed).toEqual(["defaultLocale"]);
    expect(await read()).toBe("de");
    // A caller that predates the field (CLI) leaves it alone.
    expect((await updateGeneral(ws.id, base, cli)).changed).toEqual([]);
    expect(await read()).toBe("de");
    const event = await db.auditEvent.findFirst({ where: { workspaceId: ws.id, action: "settings.updated" }, orderBy: { createdAt: "desc" } });
    expect(event?.details).toEqual({ defaultLocale: { from: "en", to: "de" } });
  });
});

describe("the session carries the chosen language", () => {
  it("null until chosen, then the stored value", async () => {
    const user = await newUser();
    const token = { uid: user.id, sv: 0 };
    expect((await userFromToken(token))?.locale).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { locale: "es" } });
    expect((await userFromToken(token))?.locale).toBe("es");
  });
});
