// The answer of "Add user" (form, BFF route and POST /api/v1/users): one result per collection.
import { z } from "zod";

export const collectionResultSchema = z
  .object({
    collectionId: z.number().int(),
    collectionTitle: z.string().nullable(),
    ok: z.boolean(),
    /** Senar's own message, cleaned of anything internal, or ours. */
    message: z.string(),
  })
  .meta({ id: "CollectionResult" });

export const addUserResultSchema = z
  .object({
    email: z.string(),
    succeeded: z.number().int().min(0),
    failed: z.number().int().min(0),
    /** Whether the new user is already in the portal's cache (otherwise the next sync brings it). */
    cached: z.boolean(),
    /** True when this answers a repeated Idempotency-Key: nothing was sent to Senar again. */
    replayed: z.boolean(),
    results: z.array(collectionResultSchema),
  })
  .meta({ id: "AddUserResult" });

export type CollectionResult = z.infer<typeof collectionResultSchema>;
export type AddUserResult = z.infer<typeof addUserResultSchema>;

/** 201 when every collection was assigned, 207 when some (or all) failed. */
export const addUserStatus = (r: AddUserResult): 201 | 207 => (r.failed === 0 ? 201 : 207);
