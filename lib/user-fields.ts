// The rules of a new Senar user's fields, written once with zod/mini so that the browser's "Add user"
// form can check them without shipping classic zod (its methods cannot be tree-shaken: ~4x the
// size). lib/user-assign.ts builds the server's schemas from these same field schemas, so the
// form and the routes can never disagree. Every check carries its message: classic zod's English
// defaults are not loaded in the browser.
import * as z from "zod/mini";

export const MAX_COLLECTIONS = 20;

/** The user's own fields, as Senar's user_assign takes them (collectionId aside). */
export const userFields = {
  firstName: z.string().check(z.trim(), z.minLength(1, "First name is required"), z.maxLength(100, "First name must be at most 100 characters")),
  lastName: z.string().check(z.trim(), z.minLength(1, "Last name is required"), z.maxLength(100, "Last name must be at most 100 characters")),
  email: z.email("Enter a valid email address").check(z.maxLength(254, "Email must be at most 254 characters")),
  language: z._default(z.string().check(z.trim(), z.minLength(2, "Pick a language"), z.maxLength(10, "Language must be at most 10 characters")), "en"),
  password: z
    .string()
    .check(
      z.minLength(6, "Password must have at least 6 characters"),
      z.maxLength(128, "Password must be at most 128 characters"),
      z.regex(/[A-Za-z]/, "Password must contain letters"),
      z.regex(/\d/, "Password must contain at least one number"),
    ),
};

/** One Senar collection id (a positive whole number; numeric strings are accepted). */
export const collectionIdField = z.coerce
  .number("Collection id must be a number")
  .check(z.int("Collection id must be a whole number"), z.positive("Collection id must be a positive number"));

/** The collections one "Add user" assigns: 1 to MAX_COLLECTIONS distinct ids. */
export const collectionIdsField = z.array(collectionIdField, "Pick at least one collection").check(
  z.minLength(1, "Pick at least one collection"),
  z.maxLength(MAX_COLLECTIONS, `At most ${MAX_COLLECTIONS} collections at once`),
  z.refine((ids) => new Set(ids).size === ids.length, "A collection is listed twice"),
);

/** The "Add user" input as the browser checks it; lib/user-assign.ts's addUserSchema is the same object for the server. */
export const addUserFields = { ...userFields, collectionIds: collectionIdsField };
export const addUserFormSchema = z.object(addUserFields);
