import "server-only";
// Paged lists in Attensa's format: query page (from 0), rows (default 20, max 500), term,
// sort (a whitelist per resource), sortDirection (ASC/DESC); answers carry a `_paging` block.
import { z } from "zod";
import type { PagingBlock } from "@/server/data/paging-block";

/** Every v1 query schema accepts `workspace` (used by session callers, ignored for keys). */
export const workspaceParam = {
  workspace: z.string().max(64).optional().describe("Workspace slug; only for calls made from a signed-in portal session"),
};

export const MAX_ROWS = 500;
export const DEFAULT_ROWS = 20;

/** A non-negative integer sent as text; anything else (1.5, -1, "abc") is refused. */
export const queryInt = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export function pagingShape<S extends readonly [string, ...string[]]>(sortFields: S, defaultSort: S[number]) {
  return {
    page: queryInt("page", 0, 1_000_000).default(0),
    rows: queryInt("rows", 1, MAX_ROWS).default(DEFAULT_ROWS),
    term: z.string().trim().max(200, "term must be at most 200 characters").optional(),
    sort: z.enum(sortFields, { message: `sort must be one of ${sortFields.join(", ")}` }).default(defaultSort),
    sortDirection: z.enum(["ASC", "DESC"], { message: "sortDirection must be ASC or DESC" }).default("ASC"),
  };
}

export type { PagingBlock, PagingQuery } from "@/server/data/paging-block";

export const pagingBlockSchema = z
  .object({
    totalElementCount: z.number().int().min(0),
    pageCount: z.number().int().min(0),
    requestedPageSize: z.number().int().min(1),
    elementCount: z.number().int().min(0),
    page: z.number().int().min(0),
  })
  .meta({ id: "Paging", description: "Paging metadata, as in Attensa's API." }) satisfies z.ZodType<PagingBlock>;
