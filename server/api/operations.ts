import "server-only";
// The list of API v1 operations, with the very zod schemas the route handlers use, so the
// OpenAPI document cannot drift from the code.
import { addUserResultSchema } from "@/lib/add-user-result";
import { addUserSchema } from "@/lib/user-assign";
import { senarUserSchema, usageQuery, usageSchema, usersPageSchema, usersQuery } from "./schemas";
import { commonErrors as common, type ApiOperation } from "./operation";
import { extraOperations } from "./operations-reports";

export type { ApiOperation };

export function apiOperations(): ApiOperation[] {
  return [
    {
      id: "listUsers",
      method: "get",
      path: "/api/v1/users",
      tag: "Users",
      summary: "List Senar users",
      description: "Senar users of the workspace, from the portal's cache. `term` matches first name, last name or email (every word must match).",
      query: usersQuery,
      responses: { "200": { description: "A page of users", schema: usersPageSchema } },
      errors: common,
    },
    {
      id: "getUser",
      method: "get",
      path: "/api/v1/users/{id}",
      tag: "Users",
      summary: "Get one Senar user",
      pathParams: [{ name: "id", description: "The Senar user id" }],
      responses: { "200": { description: "The user", schema: senarUserSchema } },
      errors: { ...common, "404": "No such user in this workspace." },
    },
    {
      id: "addUser",
      method: "post",
      path: "/api/v1/users",
      tag: "Users",
      summary: "Add a Senar user to one or more collections",
      description:
        "Calls Senar's user_assign once per collection. The password needs at least 6 characters, letters and a digit. " +
        "Send an Idempotency-Key header to make retries safe: a repeated key answers the first result without calling Senar again. " +
        "Senar users cannot be updated or deleted through the API; use Senar Studio.",
      headers: [{ name: "Idempotency-Key", description: "8–100 characters, e.g. a UUID; repeats of the same request answer the first result." }],
      body: addUserSchema,
      responses: {
        "201": { description: "Added to every collection", schema: addUserResultSchema },
        "207": { description: "Added to some collections only (or none): see each result", schema: addUserResultSchema },
      },
      errors: {
        ...common,
        "403": "The caller is not an admin of the workspace.",
        "409": "The same Idempotency-Key is in flight, or was used for a different request.",
        "502": "Senar is unreachable or refused the stored credentials.",
        "504": "Senar did not answer in time.",
      },
    },
    ...extraOperations(common),
    {
      id: "usage",
      method: "get",
      path: "/api/v1/usage",
      tag: "Usage",
      summary: "Consumption metrics",
      description: "Records received from Senar per day (in the workspace's time zone), by source (sync, webhook) and type (user, activity). Defaults to the last 30 days.",
      query: usageQuery,
      responses: { "200": { description: "Usage rows", schema: usageSchema } },
      errors: common,
    },
    {
      id: "openapi",
      method: "get",
      path: "/api/v1/openapi.json",
      tag: "Meta",
      summary: "This OpenAPI 3.1 document",
      responses: { "200": { description: "The document", contentType: "application/json" } },
    },
  ];
}
