// The OpenAPI document: structurally OpenAPI 3.1, every route present, and live answers of the
// routes validate against the schemas the document publishes for them.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as activities } from "@/app/api/v1/activities/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as summary } from "@/app/api/v1/reports/summary/route";
import { GET as usage } from "@/app/api/v1/usage/route";
import { GET as users } from "@/app/api/v1/users/route";
import { checkJsonSchema } from "@/server/api/json-schema-check";
import { createApiKey } from "@/server/api/keys";
import { db } from "@/server/db/client";
import { parseRecord, type Parsed, type SenarActivity, type SenarUser } from "@/server/senar/schemas";
import { upsertActivities } from "@/server/sync/upsert-activities";
import { upsertUsers } from "@/server/sync/upsert-users";
import { datasetFor } from "@/senar-sim/dataset";

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

let doc: Doc;
let key = "";

const schemaFor = (path: string, method: string, status: string) => doc.paths[path]?.[method]?.responses[status]?.content?.["application/json"]?.schema;

async function live(handler: (req: Request) => Promise<Response>, path: string) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }));
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  const ws = await db.workspace.create({ data: { slug: "acme", name: "ACME" } });
  const data = datasetFor({ seed: 3 }, { users: 8, trainees: 20, activities: 200, anchor: new Date("2026-05-01T00:00:00Z") });
  const acts = [...data.activities()].map((r) => parseRecord("activity", r)).flatMap((p) => (p.ok ? [p.value] : [])) as Parsed<SenarActivity>[];
  const us = [...data.users()].map((r) => parseRecord("user", r)).flatMap((p) => (p.ok ? [p.value] : [])) as Parsed<SenarUser>[];
  await upsertActivities(db, ws.id, acts, { source: "sync", sourceAt: new Date() });
  await upsertUsers(db, ws.id, us, { source: "sync", sourceAt: new Date() });
  key = (await createApiKey({ workspaceId: ws.id, name: "doc", createdById: null })).key;
  const res = await openapi(new Request("http://localhost/api/v1/openapi.json"));
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with paths, components and bearer security", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/api/v1/activities", "/api/v1/activities.csv", "/api/v1/openapi.json", "/api/v1/reports/summary", "/api/v1/usage", "/api/v1/users", "/api/v1/users/{id}"].sort(),
    );
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    for (const id of ["Paging", "SenarUser", "Activity", "Error", "AddUserResult", "Summary", "Usage"]) expect(doc.components.schemas[id], id).toBeDefined();
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of refs) {
      const name = r.replace(/^"\$ref":"#\/components\/schemas\//, "").replace(/"$/, "");
      expect(doc.components.schemas[name], r).toBeDefined();
    }
  });

  it("documents the paging parameters with their limits", () => {
    const params = (doc.paths["/api/v1/users"]!.get as unknown as { parameters: { name: string; schema: { maximum?: number; enum?: string[] } }[] }).parameters;
    expect(params.find((p) => p.name === "rows")?.schema.maximum).toBe(500);
    expect(params.find((p) => p.name === "sortDirection")?.schema.enum).toEqual(["ASC", "DESC"]);
  });

  const handlers = { users, activities, summary, usage };
  it.each([
    ["users", "/api/v1/users?rows=5", "/api/v1/users", 200],
    ["activities", "/api/v1/activities?rows=5", "/api/v1/activities", 200],
    ["summary", "/api/v1/reports/summary", "/api/v1/reports/summary", 200],
    ["usage", "/api/v1/usage?from=2020-01-01", "/api/v1/usage", 200],
    ["users", "/api/v1/users?rows=900", "/api/v1/users", 400],
  ] as const)("a live answer of %s (%s) validates against its schema", async (name, url, path, status) => {
    const handler = handlers[name];
    const r = await live(handler, url);
    expect(r.status).toBe(status);
    const schema = schemaFor(path, "get", String(status));
    expect(schema).toBeDefined();
    expect(checkJsonSchema(r.body, schema, doc as unknown as Record<string, unknown>)).toEqual([]);
  });

  it("the checker does catch a wrong answer", async () => {
    const r = (await live(users, "/api/v1/users?rows=1")).body as { users: Record<string, unknown>[] };
    r.users[0]!.creationDate = "2024-01-01 10:00";
    r.users[0]!.extra = 1;
    const errors = checkJsonSchema(r, schemaFor("/api/v1/users", "get", "200"), doc as unknown as Record<string, unknown>);
    expect(errors.join("\n")).toMatch(/creationDate/);
    expect(errors.join("\n")).toMatch(/extra/);
  });
});
