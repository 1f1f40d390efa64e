// Shared by the "Add user" form (browser), the server action/route and the Senar client:
// one schema mirroring Senar's documented rules for user_assign.
import { z } from "zod";

/** What user_assign is sent. Only collectionId and password are documented; the rest mirrors the sample user. */
export const userAssignSchema = z.object({
  firstName: z.string().trim().min(1, "First name is required").max(100),
  lastName: z.string().trim().min(1, "Last name is required").max(100),
  email: z.email("Enter a valid email address").max(254),
  language: z.string().trim().min(2, "Pick a language").max(10).default("en"),
  password: z
    .string()
    .min(6, "Password must have at least 6 characters")
    .max(128)
    .regex(/[A-Za-z]/, "Password must contain letters")
    .regex(/\d/, "Password must contain at least one number"),
  collectionId: z.coerce.number().int().positive("Collection id must be a positive number"),
});
export type UserAssign = z.infer<typeof userAssignSchema>;

/**
 * The "Add user" operation as the form and the public API take it: the user's fields and one
 * or more collections. Senar's user_assign takes one collectionId per call, so the server
 * splits this into one userAssignSchema request per collection.
 */
export const addUserSchema = userAssignSchema.omit({ collectionId: true }).extend({
  collectionIds: z
    .array(z.coerce.number().int("Collection id must be a whole number").positive("Collection id must be a positive number"), {
      message: "Pick at least one collection",
    })
    .min(1, "Pick at least one collection")
    .max(20, "At most 20 collections at once")
    .refine((ids) => new Set(ids).size === ids.length, "A collection is listed twice"),
});
export type AddUser = z.infer<typeof addUserSchema>;

/** The one user_assign request for one collection of an AddUser. */
export function assignFor(input: AddUser, collectionId: number): UserAssign {
  const { collectionIds: _ids, ...user } = input;
  return { ...user, collectionId };
}
