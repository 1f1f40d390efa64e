import "server-only";
// Commands on the signed-in person's own account: name, password, two-factor. They take the
// user (there is no workspace here); re-issuing this browser's session after a session-version
// bump is the action adapter's part, since it sets a cookie.
import { z } from "zod";
import { type SessionUser } from "../auth/guards";
import { confirmTwoFactor, disableTwoFactor } from "../auth/two-factor";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { changePassword as changePasswordRow } from "../workspaces/users";
import { parseInput } from "./command";
import { text } from "./inputs";

const profile = z.object({ name: z.string().optional().default("").transform((s) => s.trim()).pipe(z.string().max(100, "The name can have at most 100 characters.")) });

export async function saveProfile(user: SessionUser, raw: unknown): Promise<void> {
  const { name } = parseInput(profile, raw);
  await db.user.update({ where: { id: user.id }, data: { name: name || null } });
}

export async function changePassword(user: SessionUser, raw: unknown): Promise<{ sessionVersion: number }> {
  const input = parseInput(z.object({ current: text, password: text, confirm: text }), raw);
  if (input.password !== input.confirm) throw new AppError("invalid_input", "The two new passwords differ.");
  return changePasswordRow(user.id, input.current, input.password);
}

export async function enableTwoFactor(user: SessionUser, raw: unknown): Promise<{ codes: string[]; sessionVersion: number }> {
  const input = parseInput(z.object({ code: text }), raw);
  return confirmTwoFactor(user.id, input.code);
}

export async function turnOffTwoFactor(user: SessionUser, raw: unknown): Promise<{ sessionVersion: number }> {
  const input = parseInput(z.object({ password: text, code: text }), raw);
  return disableTwoFactor(user.id, input.password, input.code);
}
