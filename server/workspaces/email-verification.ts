import "server-only";
// Proving control of an email before an account is created for it through an invite, whenever
// mail is configured: the sign-up is held (password already hashed) and a 6-digit code is
// mailed; the account only exists once the code comes back. Five wrong codes spend the sign-up,
// and it expires after 30 minutes, so the code cannot be guessed.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { hashSecret } from "../auth/password";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { sendMail } from "./mail";
import { checkNewAccount, insertUser, type NewAccount } from "./users";

export const CODE_TTL_MS = 30 * 60_000;
export const MAX_CODE_TRIES = 5;

function codeHash(id: string, code: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`${id}:${code}`).digest("hex");
}

/** Holds the sign-up and mails the code; returns the id the form sends back with the code. */
export async function startRegistration(input: NewAccount, inviteId: string | null): Promise<string> {
  const { email, name } = await checkNewAccount(input);
  // Expired sign-ups hold a password hash for nothing: each new one clears them.
  await db.emailVerification.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const pending = await db.emailVerification.create({
    data: { email, name, inviteId, passwordHash: await hashSecret(input.password), codeHash: "", expiresAt: new Date(Date.now() + CODE_TTL_MS) },
    select: { id: true },
  });
  await db.emailVerification.update({ where: { id: pending.id }, data: { codeHash: codeHash(pending.id, code) } });
  const sent = await sendMail(
    email,
    "Your Senar Portal sign-up code",
    `Your code to finish creating your Senar Portal account is ${code}.\n\nIt works for 30 minutes. If you did not ask for it, ignore this mail: no account is created without it.\n`,
  );
  if (!sent) {
    await db.emailVerification.delete({ where: { id: pending.id } });
    throw new AppError("bad_request", "The code could not be mailed just now; nothing was created. Try again in a few minutes.");
  }
  return pending.id;
}

/** Creates the account once the mailed code matches; the address is then proved. */
export async function completeRegistration(id: string, code: string) {
  const clean = code.replace(/\s+/g, "");
  // Count the try before comparing, in one guarded update, so parallel guesses cannot exceed the limit.
  const counted = await db.emailVerification.updateMany({
    where: { id, attempts: { lt: MAX_CODE_TRIES }, expiresAt: { gt: new Date() } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) {
    throw new AppError("gone", "This sign-up has expired or had too many wrong codes. Fill in the form again to get a new code.");
  }
  const pending = await db.emailVerification.findUniqueOrThrow({ where: { id } });
  const expected = Buffer.from(pending.codeHash, "hex");
  const given = Buffer.from(codeHash(id, clean), "hex");
  if (!/^\d{6}$/.test(clean) || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError("invalid_input", "That code is not right. Use the 6-digit code from the mail we just sent.", { field: "code" });
  }
  const user = await insertUser({
    email: pending.email,
    name: pending.name,
    passwordHash: pending.passwordHash,
    emailVerifiedAt: new Date(),
    registeredViaInviteId: pending.inviteId,
  });
  await db.emailVerification.deleteMany({ where: { email: pending.email } });
  return user;
}
