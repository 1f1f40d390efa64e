import "server-only";
// Re-encrypts every stored secret with the current ENCRYPTION_KEY (run after moving the old key
// to ENCRYPTION_KEY_PREVIOUS); afterwards the previous key can be dropped.
import type { Db } from "../db/client";
import { keyRing, reseal, type KeyRing } from "../crypto";

export type RotationResult = { workspaces: number; users: number; unchanged: number };

export async function rotateSecrets(db: Db, ring: KeyRing = keyRing()): Promise<RotationResult> {
  const result: RotationResult = { workspaces: 0, users: 0, unchanged: 0 };
  const workspaces = await db.workspace.findMany({
    where: { OR: [{ senarPasswordEnc: { not: null } }, { senarTokenEnc: { not: null } }] },
    select: { id: true, senarPasswordEnc: true, senarTokenEnc: true },
  });
  for (const w of workspaces) {
    const pw = w.senarPasswordEnc ? reseal(w.senarPasswordEnc, ring) : null;
    const tok = w.senarTokenEnc ? reseal(w.senarTokenEnc, ring) : null;
    if (!pw && !tok) {
      result.unchanged++;
      continue;
    }
    // Only update the columns read above, and only if nobody changed them meanwhile.
    await db.workspace.updateMany({
      where: { id: w.id, senarPasswordEnc: w.senarPasswordEnc, senarTokenEnc: w.senarTokenEnc },
      data: { ...(pw ? { senarPasswordEnc: pw } : {}), ...(tok ? { senarTokenEnc: tok } : {}) },
    });
    result.workspaces++;
  }
  const users = await db.user.findMany({ where: { totpSecretEnc: { not: null } }, select: { id: true, totpSecretEnc: true } });
  for (const u of users) {
    const sec = u.totpSecretEnc ? reseal(u.totpSecretEnc, ring) : null;
    if (!sec) {
      result.unchanged++;
      continue;
    }
    await db.user.updateMany({ where: { id: u.id, totpSecretEnc: u.totpSecretEnc }, data: { totpSecretEnc: sec } });
    result.users++;
  }
  return result;
}
