// Secrets bound to their row (AES-GCM additional data) on a real database: a sealed Senar password
// copied into another workspace, or into the token column, is refused where the app reads it;
// old-format (v1) values are still read and `upgradeSecrets` re-seals them, once.
import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upgradeSecrets } from "@/server/auth/rotate-keys";
import { decrypt, isLegacySealed, keyRing } from "@/server/crypto";
import { db } from "@/server/db/client";
import { senarFor } from "@/server/senar/for-workspace";
import { createUser } from "@/server/workspaces/users";
import { createWorkspace } from "@/server/workspaces/workspaces";

const cli = { user: null, label: "test" };
const tag = () => randomBytes(3).toString("hex");

// Byte for byte what encrypt() wrote before row binding.
function legacySeal(plain: string): string {
  const key = keyRing().current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

async function twoWorkspaces() {
  const owner = await createUser({ email: `seal-${tag()}@example.com`, password: "a long enough password" });
  const senar = { username: "demo@senar.test", password: "demo-pass1" };
  const a = await createWorkspace({ name: `Seal A ${tag()}`, ownerId: owner.id, senar }, cli);
  const b = await createWorkspace({ name: `Seal B ${tag()}`, ownerId: owner.id, senar: { ...senar, password: "other-pass2" } }, cli);
  return { owner, a, b };
}

const sealedOf = (id: string) => db.workspace.findUniqueOrThrow({ where: { id }, select: { senarPasswordEnc: true, senarTokenEnc: true } });

describe("secrets bound to their row", () => {
  it("a Senar password copied to another workspace does not open there", async () => {
    const { a, b } = await twoWorkspaces();
    const fromA = (await sealedOf(a.id)).senarPasswordEnc ?? "";
    expect(decrypt(fromA, { workspaceId: a.id, column: "senarPasswordEnc" })).toBe("demo-pass1");
    await db.workspace.update({ where: { id: b.id }, data: { senarPasswordEnc: fromA } });
    await expect(senarFor(b.id)).rejects.toThrow(/cannot be decrypted/);
    // A still works: its own row is untouched.
    await expect(senarFor(a.id)).resolves.toBeDefined();
  });

  it("a password moved into the token column does not open as a token", async () => {
    const { a } = await twoWorkspaces();
    const pw = (await sealedOf(a.id)).senarPasswordEnc ?? "";
    await db.workspace.update({ where: { id: a.id }, data: { senarTokenEnc: pw } });
    await expect(senarFor(a.id)).rejects.toThrow(/cannot be decrypted/);
  });

  it("old-format values are still read, and upgradeSecrets binds them once", async () => {
    const { a, owner } = await twoWorkspaces();
    await db.workspace.update({ where: { id: a.id }, data: { senarPasswordEnc: legacySeal("legacy-pass"), senarTokenEnc: legacySeal("legacy-token") } });
    await db.user.update({ where: { id: owner.id }, data: { totpSecretEnc: legacySeal("JBSWY3DPEHPK3PXP") } });
    const before = await sealedOf(a.id);
    expect(decrypt(before.senarPasswordEnc ?? "", { workspaceId: a.id, column: "senarPasswordEnc" })).toBe("legacy-pass");

    const result = await upgradeSecrets(db);
    expect(result.workspaces).toBeGreaterThanOrEqual(1);
    expect(result.users).toBeGreaterThanOrEqual(1);
    const after = await sealedOf(a.id);
    expect(isLegacySealed(after.senarPasswordEnc ?? "")).toBe(false);
    expect(isLegacySealed(after.senarTokenEnc ?? "")).toBe(false);
    expect(decrypt(after.senarPasswordEnc ?? "", { workspaceId: a.id, column: "senarPasswordEnc" })).toBe("legacy-pass");
    expect(decrypt(after.senarTokenEnc ?? "", { workspaceId: a.id, column: "senarTokenEnc" })).toBe("legacy-token");
    const totp = (await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { totpSecretEnc: true } })).totpSecretEnc ?? "";
    expect(totp.startsWith("v2:")).toBe(true);
    expect(decrypt(totp, { userId: owner.id, column: "totpSecretEnc" })).toBe("JBSWY3DPEHPK3PXP");
    expect(await db.workspace.count({ where: { OR: [{ senarPasswordEnc: { startsWith: "v1:" } }, { senarTokenEnc: { startsWith: "v1:" } }] } })).toBe(0);

    // Idempotent: nothing is left to upgrade, and nothing is rewritten.
    const again = await upgradeSecrets(db);
    expect(again.workspaces + again.users).toBe(0);
    expect((await sealedOf(a.id)).senarPasswordEnc).toBe(after.senarPasswordEnc);
  });

  it("a value no configured key opens is counted and left as it is, without stopping the others", async () => {
    const { a, b } = await twoWorkspaces();
    const foreign = legacySeal("x").replace(/^v1:[^:]+:/, "v1:deadbeef:");
    await db.workspace.update({ where: { id: a.id }, data: { senarPasswordEnc: foreign } });
    await db.workspace.update({ where: { id: b.id }, data: { senarPasswordEnc: legacySeal("b-pass") } });
    const r = await upgradeSecrets(db);
    expect(r.unreadable).toBeGreaterThanOrEqual(1);
    expect((await sealedOf(a.id)).senarPasswordEnc).toBe(foreign);
    expect(isLegacySealed((await sealedOf(b.id)).senarPasswordEnc ?? "")).toBe(false);
  });
});
