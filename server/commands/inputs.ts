import "server-only";
// Field schemas the command inputs share. Bound action arguments (ids, flags) travel in clear
// from the browser, so they are validated like any form field: an `undefined` id in a Prisma
// `where` would silently match any row.
import { z } from "zod";

/** A bound id or token: a short string of id characters. */
export const idField = (what: string) =>
  z.string({ message: `This request carried an invalid ${what}; nothing was changed.` }).regex(/^[A-Za-z0-9_-]{1,200}$/, `This request carried an invalid ${what}; nothing was changed.`);

/** A form text field that may be missing (an unchecked or absent input sends nothing). */
export const text = z.string().optional().default("");

export const noInput = z.unknown();
