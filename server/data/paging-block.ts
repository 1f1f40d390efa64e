import "server-only";
// Paging arithmetic shared by the data layer and the API: the `_paging` block and the offset.
// It lives under server/data so data functions never import server/api (which imports them).

export type PagingQuery<F extends string> = { page: number; rows: number; term?: string; sort: F; sortDirection: "ASC" | "DESC" };

/** Attensa's paging metadata; server/api/paging.ts checks its zod schema against this type. */
export type PagingBlock = { totalElementCount: number; pageCount: number; requestedPageSize: number; elementCount: number; page: number };

export function pagingBlock(total: number, q: { page: number; rows: number }, elementCount: number): PagingBlock {
  return {
    totalElementCount: total,
    pageCount: Math.ceil(total / q.rows),
    requestedPageSize: q.rows,
    elementCount,
    page: q.page,
  };
}

export const offsetOf = (q: { page: number; rows: number }) => q.page * q.rows;
