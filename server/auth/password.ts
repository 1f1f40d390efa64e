import "server-only";
// Portal account passwords: argon2id, and one readable rule set shared by setup, invites,
// password change and the CLI.
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_RULE = "Use at least 10 characters (a passphrase of a few words is fine), at most 200.";

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return `The password is too short. ${PASSWORD_RULE}`;
  if (password.length > 200) return `The password is too long. ${PASSWORD_RULE}`;
  if (/^(.)\1+$/.test(password)) return "The password cannot be one character repeated.";
  return null;
}

// Algorithm 2 = argon2id (the const enum is not importable under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  try {
    return await verify(hashed, secret);
  } catch {
    return false; // malformed hash
  }
}

// A real hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashSecret("not-a-real-password-000");
  return dummy;
}
