import "server-only";
// The shape of one API v1 operation, shared by the operation lists and the OpenAPI builder
// (its own file so the lists can import it without importing each other).
import type { z } from "zod";

export type ApiOperation = {
  id: string;
  method: "get" | "post";
  path: string;
  tag: string;
  summary: string;
  description?: string;
  pathParams?: { name: string; description: string }[];
  query?: z.ZodType;
  headers?: { name: string; description: string }[];
  body?: z.ZodType;
  responses: Record<string, { description: string; schema?: z.ZodType; contentType?: string }>;
  errors?: Record<string, string>;
};

export const commonErrors = {
  "400": "Bad input: unknown parameter, value out of range, invalid date… The message names the field.",
  "401": "Missing, unknown or revoked API key.",
  "429": "Rate limit reached; retry after the number of seconds in Retry-After.",
};
