// Shared by the "Add user" API routes and the Senar client: the schemas mirroring Senar's
// documented rules for user_assign. The field rules themselves live in lib/user-fields.ts (zod/mini,
// which the browser form uses too); these are classic zod objects over those same fields, since
// the route wrapper and the OpenAPI document take classic schemas.
import { z } from "zod";
import { addUserFields, collectionIdField, userFields } from "./user-fields";

/** What user_assign is sent. Only collectionId and password are documented; the rest mirrors the sample user. */
export const userAssignSchema = z.object({ ...userFields, collectionId: collectionIdField });
export type UserAssign = z.infer<typeof userAssignSchema>;

/**
 * The "Add user" operation as the form and the public API take it: the user's fields and one
 * or more collections. Senar's user_assign takes one collectionId per call, so the server
 * splits this into one userAssignSchema request per collection.
 */
export const addUserSchema = z.object(addUserFields);
export type AddUser = z.infer<typeof addUserSchema>;

/** The one user_assign request for one collection of an AddUser. */
export function assignFor(input: AddUser, collectionId: number): UserAssign {
  const { collectionIds: _ids, ...user } = input;
  return { ...user, collectionId };
}
