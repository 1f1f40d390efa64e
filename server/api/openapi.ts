import "server-only";
// Builds the OpenAPI 3.1 document from the API's own zod schemas (zod 4 JSON Schema output,
// draft 2020-12, which OpenAPI 3.1 uses as is). Named schemas (.meta({ id })) become
// components; everything else is inlined.
import { z } from "zod";
import { API_RATE_LIMIT } from "./rate-limit";
import { apiOperations, type ApiOperation } from "./operations";
import { errorSchema } from "./schemas";

type Json = Record<string, unknown>;

/** JSON Schema of a zod schema, with "#/$defs/X" refs moved to components.schemas. */
function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  const defs = (out.$defs ?? {}) as Json;
  delete out.$defs;
  delete out.$schema;
  const fix = (v: Json): Json => JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [id, def] of Object.entries(defs)) components[id] ??= fix(def as Json);
  // A top-level schema with an id comes back as its own definition: register it and refer to it.
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === "string") {
    components[id] ??= fix(out);
    return { $ref: `#/components/schemas/${id}` };
  }
  return fix(out);
}

/** Query parameters: types from the parsed (output) side, "required" from the input side. */
function queryParameters(schema: z.ZodType): Json[] {
  const input = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Json; required?: string[] };
  const output = jsonSchema(schema, "output", {}) as { properties?: Json };
  return Object.keys(input.properties ?? {}).map((name) => {
    const s = { ...((output.properties?.[name] ?? input.properties?.[name]) as Json) };
    const description = s.description;
    delete s.description;
    return { name, in: "query", required: (input.required ?? []).includes(name), ...(description ? { description } : {}), schema: s };
  });
}

function operationObject(op: ApiOperation, components: Json): Json {
  const parameters: Json[] = [];
  for (const p of op.pathParams ?? []) parameters.push({ name: p.name, in: "path", required: true, description: p.description, schema: { type: "string" } });
  if (op.query) parameters.push(...queryParameters(op.query));
  for (const h of op.headers ?? []) parameters.push({ name: h.name, in: "header", required: false, description: h.description, schema: { type: "string" } });
  const responses: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const content = r.schema
      ? { [r.contentType ?? "application/json"]: { schema: jsonSchema(r.schema, "output", components) } }
      : r.contentType
        ? { [r.contentType]: { schema: { type: "string" } } }
        : undefined;
    responses[status] = { description: r.description, ...(content ? { content } : {}) };
  }
  for (const [status, description] of Object.entries(op.errors ?? {})) {
    responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input", components) } } } } : {}),
    responses,
  };
}

export function buildOpenApi(serverUrl: string): Json {
  const components: Json = {};
  // Every error response refers to it.
  jsonSchema(errorSchema, "output", components);
  const paths: Record<string, Json> = {};
  for (const op of apiOperations()) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op, components);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Senar Portal API",
      version: "1.0.0",
      description: [
        "Read the portal's cached Senar data (users, activities, reports, usage) and add Senar users.",
        "Authenticate with `Authorization: Bearer <api key>` (keys are created by workspace admins under Settings → API keys),",
        "or from a signed-in browser session with `?workspace=<slug>`.",
        `Each key may make ${API_RATE_LIMIT.limit} requests per ${API_RATE_LIMIT.windowSeconds} seconds; beyond that the answer is 429 with Retry-After.`,
        "Lists are paged: `page` from 0, `rows` 1–500 (default 20); the answer carries a `_paging` block. Dates are ISO-8601 UTC.",
        "Senar users cannot be edited or deleted through this API (nor through Senar's own API): use Senar Studio.",
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Users", description: "Senar users (instructors, managers)" },
      { name: "Activities", description: "Completed scenarios" },
      { name: "Reports", description: "Dashboard figures" },
      { name: "Usage", description: "Consumption metrics" },
      { name: "Meta", description: "This document" },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A workspace API key (snr_…)" } },
    },
  };
}
