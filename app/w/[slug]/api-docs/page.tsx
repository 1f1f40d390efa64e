// The public API's documentation, readable in the portal: generated from the same OpenAPI
// document as /api/v1/openapi.json, so it cannot drift from the routes.
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { buildOpenApi } from "@/server/api/openapi";
import { requireMember } from "@/server/auth/guards";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "API documentation" };

type Param = { name: string; in: string; required: boolean; description?: string; schema?: Record<string, unknown> };
type Op = { operationId: string; summary: string; description?: string; parameters?: Param[]; requestBody?: unknown; responses: Record<string, { description: string }> };

function typeOf(s: Record<string, unknown> | undefined): string {
  if (!s) return "";
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).join(" | ");
  const bits = [String(s.type ?? "string")];
  if (s.minimum !== undefined || s.maximum !== undefined) bits.push(`${String(s.minimum ?? "")}–${String(s.maximum ?? "")}`);
  if (s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") bits.push("YYYY-MM-DD");
  if (s.default !== undefined) bits.push(`default ${JSON.stringify(s.default)}`);
  return bits.join(", ");
}

export default async function ApiDocsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug);
  const origin = env().APP_URL.replace(/\/$/, "");
  const doc = buildOpenApi(origin) as { info: { description: string }; paths: Record<string, Record<string, Op>> };
  const admin = ctx.role !== "VIEWER";
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">API documentation</h1>
        <p className="mt-1 text-sm text-slate-600">
          JSON API v1 for your own tools. Machine-readable: <a className="text-brand-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </div>
      <Card title="Getting started">
        <div className="space-y-3 text-sm text-slate-700">
          {doc.info.description.split("\n\n").map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p>
            {admin ? (
              <>
                Create a key under{" "}
                <Link className="text-brand-700 underline" href={`/w/${slug}/settings/api-keys`}>
                  Settings → API keys
                </Link>
                , then:
              </>
            ) : (
              "Ask an admin of this workspace for a key, then:"
            )}
          </p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
            {`curl -H "Authorization: Bearer snr_…" "${origin}/api/v1/users?rows=50&sort=lastName"\n`}
            {`curl -H "Authorization: Bearer snr_…" "${origin}/api/v1/activities.csv?from=2025-01-01&to=2025-03-31" -o activities.csv`}
          </pre>
          <p>
            Signed in to the portal, you can also open{" "}
            <a className="text-brand-700 underline" href={`/api/v1/users?workspace=${slug}`}>
              /api/v1/users?workspace={slug}
            </a>{" "}
            in this browser.
          </p>
        </div>
      </Card>
      {Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => (
          <section key={`${method} ${path}`} aria-labelledby={op.operationId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id={op.operationId} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
              <span className={`rounded px-2 py-0.5 font-mono text-xs ${method === "get" ? "bg-sky-100 text-sky-900" : "bg-amber-100 text-amber-900"}`}>{method.toUpperCase()}</span>
              <code className="font-mono text-sm">{path}</code>
              <span className="text-sm font-normal text-slate-600">— {op.summary}</span>
            </h2>
            {op.description && <p className="mt-2 text-sm text-slate-700">{op.description}</p>}
            {op.parameters && op.parameters.length > 0 && (
              <TableFrame className="mt-3">
                <Table>
                  <thead>
                    <tr>
                      <Th>Parameter</Th>
                      <Th>In</Th>
                      <Th>Type</Th>
                      <Th>Notes</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <Td>
                          <code className="font-mono text-xs">{p.name}</code>
                          {p.required && <span className="ml-1 text-xs text-red-700">required</span>}
                        </Td>
                        <Td>{p.in}</Td>
                        <Td className="text-xs">{typeOf(p.schema)}</Td>
                        <Td className="text-xs">{p.description ?? (p.schema?.description as string | undefined) ?? ""}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </TableFrame>
            )}
            {method === "post" && (
              <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
                {`curl -X POST -H "Authorization: Bearer snr_…" -H "Content-Type: application/json" \\\n  -H "Idempotency-Key: $(uuidgen)" ${origin}${path} \\\n  -d '{"firstName":"Jon","lastName":"Doe","email":"jon.doe@example.com","language":"en","password":"s3cret","collectionIds":[41,42]}'`}
              </pre>
            )}
            <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
              {Object.entries(op.responses).map(([status, r]) => (
                <li key={status}>
                  <span className="font-mono font-semibold text-slate-800">{status}</span> {r.description}
                </li>
              ))}
            </ul>
          </section>
        )),
      )}
    </div>
  );
}
