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
