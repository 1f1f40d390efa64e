import "server-only";
// The export routes read their report filters strictly: a bad value is a 400 naming the field
// (the pages fall back to defaults instead), so an export never silently differs from its link.
import type { z } from "zod";
import { parseFiltersStrict } from "@/lib/report-filters";
import { AppError, zodMessage } from "@/server/http/errors";

export function exportFilters<S extends z.ZodObject>(schema: S, req: Request): z.infer<S> {
  const parsed = parseFiltersStrict(schema, new URL(req.url).searchParams);
  if (!parsed.success) {
    const { message, field } = zodMessage(parsed.error, "query");
    throw new AppError("invalid_input", message, { field });
  }
  return parsed.data;
}
