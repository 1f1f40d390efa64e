import "server-only";
// The zod schemas of the public API v1: query strings (strict: unknown parameters are refused),
// bodies and answers. The OpenAPI document is generated from these same schemas.
import { z } from "zod";
import { USER_SORT_FIELDS } from "@/server/data/senar-user-directory";
import { pagingBlockSchema, pagingShape, workspaceParam } from "./paging";

export const isoDateTime = z.iso.datetime({ offset: false }).describe("ISO-8601 date-time in UTC (ends in Z)");

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. invalid_input, unauthenticated, rate_limited"),
      message: z.string().describe("What went wrong, in plain words; names the field for bad input"),
      field: z.string().optional(),
      retryAfterSeconds: z.number().int().optional(),
    }),
  })
  .meta({ id: "Error", description: "The one error shape of every route." });

export const usersQuery = z.strictObject({ ...pagingShape(USER_SORT_FIELDS, "lastName"), ...workspaceParam });

export const senarUserSchema = z
  .object({
    id: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    language: z.string().nullable(),
    accountName: z.string().nullable(),
    countryName: z.string().nullable(),
    profile: z.string().nullable().describe("Senar profile, e.g. Instructor"),
    creationDate: isoDateTime.nullable(),
  })
  .meta({ id: "SenarUser", description: "A Senar user (instructor, manager) from the portal's cache." });

export const usersPageSchema = z
  .object({ _paging: pagingBlockSchema, users: z.array(senarUserSchema) })
  .meta({ id: "SenarUserPage" });

// NUL cannot be stored in PostgreSQL text (it would fail in the query as a 500): refuse it here.
export const idParams = z.object({ id: z.string().min(1).max(200).refine((v) => !v.includes("\u0000"), "id must not contain NUL characters") });

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDay = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as YYYY-MM-DD`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, `${name} is not a valid date`);

export const usageQuery = z
  .strictObject({ from: isoDay("from").optional(), to: isoDay("to").optional(), ...workspaceParam })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be later than to", path: ["from"] });

export const usageRowSchema = z
  .object({
    day: z.iso.date(),
    source: z.string().describe("sync or webhook"),
    type: z.string().describe("user or activity"),
    count: z.number().int().min(0),
  })
  .meta({ id: "UsageRow" });

export const usageSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    total: z.number().int().min(0),
    usage: z.array(usageRowSchema),
  })
  .meta({ id: "Usage", description: "Records received from Senar per day, by source and type (consumption metrics)." });
