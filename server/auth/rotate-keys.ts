import "server-only";
// Re-encrypts stored secrets: `keys:rotate` moves every value to the current ENCRYPTION_KEY
// (run after moving the old key to ENCRYPTION_KEY_PREVIOUS; afterwards the previous key can be
// dropped), and `upgradeSecrets` re-seals values of the old, unbound format (v1) so that each is
// bound to its row and column. The upgrade cannot be SQL (it needs the key), so db:migrate and the
// embedded boot run it after the migrations; it is idempotent and cheap when nothing is left.
import type { Db } from "../db/client";
import { DecryptError, keyRing, reseal, type KeyRing, type SealedAt } from "../crypto";

export type RotationResult = { workspaces: number; users: number; unchanged: number; unreadable: number };

// A value no configured key opens is left as it is: the app already tells the user to enter the
// password again (or to set up two-factor again), and one such row must not stop the others.
function resealOrKeep(sealed: string | null, at: SealedAt, ring: KeyRing, result: RotationResult): string | null {
  if (!sealed) return null;
  try {
    return reseal(sealed, at, ring);
  } catch (err) {
    if (!(err instanceof DecryptError)) throw err;
    result.unreadable++;
    return null;
  }
}

async function resealAll(db: Db, ring: KeyRing, prefix?: string): Promise<RotationResult> {
  const result: RotationResult = { workspaces: 0, users: 0, unchanged: 0, unreadable: 0 };
  const match = prefix ? { startsWith: prefix } : { not: null };
  const workspaces = await db.workspace.findMany({
    where: { OR: [{ senarPasswordEnc: match }, { senarTokenEnc: match }] },
    select: { id: true, senarPasswordEnc: true, senarTokenEnc: true },
  });
  for (const w of workspaces) {
    const pw = resealOrKeep(w.senarPasswordEnc, { workspaceId: w.id, column: "senarPasswordEnc" }, ring, result);
    const tok = resealOrKeep(w.senarTokenEnc, { workspaceId: w.id, column: "senarTokenEnc" }, ring, result);
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
  const users = await db.user.findMany({ where: { totpSecretEnc: match }, select: { id: true, totpSecretEnc: true } });
  for (const u of users) {
    const sec = resealOrKeep(u.totpSecretEnc, { userId: u.id, column: "totpSecretEnc" }, ring, result);
    if (!sec) {
      result.unchanged++;
      continue;
    }
    await db.user.updateMany({ where: { id: u.id, totpSecretEnc: u.totpSecretEnc }, data: { totpSecretEnc: sec } });
    result.users++;
  }
  return result;
}

export function rotateSecrets(db: Db, ring: KeyRing = keyRing()): Promise<RotationResult> {
  return resealAll(db, ring);
}

/** Re-seals only the old-format (v1) values; a no-op once every value is v2. */
export function upgradeSecrets(db: Db, ring: KeyRing = keyRing()): Promise<RotationResult> {
  return resealAll(db, ring, "v1:");
}
