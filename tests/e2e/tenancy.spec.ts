// Tenancy: walks EVERY page.tsx and route.ts under app/ (read from the filesystem, so routes
// added later are covered automatically). For each /w/[slug]/… page and /api/w/[slug]/… route:
// a member of ANOTHER workspace gets 404, a signed-out visitor is sent to sign in (pages) or
// gets 401 (routes), and a viewer gets no admin page.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { acceptAsNewAccount, createInvite, ensureOwner, OWNER } from "./auth-helpers";

const WORKSPACE_NAME = OWNER.workspace;

type Entry = { file: string; pattern: string; kind: "page" | "route"; methods: string[] };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function entries(): Entry[] {
  const appDir = path.resolve("app");
  return walk(appDir)
    .filter((f) => /\/(page\.tsx|route\.ts)$/.test(f))
    .map((file) => {
      const rel = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
      const kind = file.endsWith("page.tsx") ? "page" : "route";
      const src = readFileSync(file, "utf8");
      const methods = kind === "page" ? ["GET"] : ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(src));
      return { file: path.relative(process.cwd(), file), pattern: `/${rel.join("/")}`, kind, methods };
    });
}

/** Fills [slug] and any other dynamic segment with a dummy id. */
function fill(pattern: string, slug: string): string {
  return pattern.replace("[slug]", slug).replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, "dummy-id-0");
}

const all = entries();
const workspacePages = all.filter((e) => e.kind === "page" && e.pattern.startsWith("/w/[slug]"));
const workspaceRoutes = all.filter((e) => e.kind === "route" && e.pattern.startsWith("/api/w/[slug]"));
// Pages only admins (or owners) may open.
const ADMIN_PAGE = /^\/w\/\[slug\]\/(settings(\/|$)|senar-users\/new$)/;

/** Pages authorize before anything streams, so a refusal is a real status code. */
function pageRefused(res: Awaited<ReturnType<APIRequestContext["fetch"]>>, codes: number[]): boolean {
  return codes.includes(res.status());
}

async function send(req: APIRequestContext, method: string, url: string, origin: string) {
  return req.fetch(url, { method, maxRedirects: 0, headers: method === "GET" ? {} : { origin, "content-type": "application/json" }, data: method === "GET" ? undefined : "{}" });
}

test("the walk finds the app's workspace pages and routes", () => {
  expect(workspacePages.map((e) => e.pattern)).toEqual(expect.arrayContaining(["/w/[slug]", "/w/[slug]/settings", "/w/[slug]/settings/members"]));
  expect(workspaceRoutes.map((e) => e.pattern)).toContain("/api/w/[slug]/senar/test-connection");
  expect(workspaceRoutes.every((e) => e.methods.length > 0)).toBe(true);
});

test("another workspace's member gets 404, signed-out visitors sign in, viewers get no admin page", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const origin = baseURL ?? "";
  const slug = await ensureOwner(page);

  // A second organisation, owned by someone who is not in the first.
  await page.goto("/w?new=1");
  await page.getByLabel("Organisation name").fill("Globex Tenancy");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/globex-tenancy[a-z0-9-]*\/settings\/connection/);
  const otherSlug = new URL(page.url()).pathname.split("/")[2] ?? "";
  const outsiderInvite = await createInvite(page, otherSlug, "Owner");
  const outsider = await acceptAsNewAccount(browser, outsiderInvite, `outsider-${Date.now()}@portal.test`, "outsider-pass-1");
  const viewerInvite = await createInvite(page, slug, "Viewer");
  const viewer = await acceptAsNewAccount(browser, viewerInvite, `tviewer-${Date.now()}@portal.test`, "tviewer-pass-1");
  const anonymous = await browser.newContext();

  const problems: string[] = [];
  for (const e of workspacePages) {
    const url = fill(e.pattern, slug);
    const asOutsider = await send(outsider.context.request, "GET", url, origin);
    if (!pageRefused(asOutsider, [404])) problems.push(`${e.file}: outsider got ${asOutsider.status()} for ${url}`);
    if ((await asOutsider.text()).includes(WORKSPACE_NAME)) problems.push(`${e.file}: outsider saw the workspace name`);
    const asAnon = await send(anonymous.request, "GET", url, origin);
    const location = asAnon.headers()["location"] ?? "";
    if (![302, 303, 307, 308].includes(asAnon.status()) || !location.includes("/signin")) {
      problems.push(`${e.file}: signed-out visitor got ${asAnon.status()} ${location} for ${url}`);
    }
    if (ADMIN_PAGE.test(e.pattern)) {
      const asViewer = await send(viewer.context.request, "GET", url, origin);
      if (!pageRefused(asViewer, [403, 404])) problems.push(`${e.file}: viewer got ${asViewer.status()} for admin page ${url}`);
    }
    // The owner of the other workspace cannot reach it through its own slug either way.
    const own = await send(outsider.context.request, "GET", fill(e.pattern, otherSlug), origin);
    if (own.status() >= 500) problems.push(`${e.file}: ${own.status()} for its own workspace (${fill(e.pattern, otherSlug)})`);
  }
  for (const e of workspaceRoutes) {
    const url = fill(e.pattern, slug);
    for (const method of e.methods) {
      const asOutsider = await send(outsider.context.request, method, url, origin);
      if (asOutsider.status() !== 404) problems.push(`${e.file} ${method}: outsider got ${asOutsider.status()}`);
      const body = await asOutsider.text();
      if (!body.includes('"error"')) problems.push(`${e.file} ${method}: outsider answer is not the error shape`);
      const asAnon = await send(anonymous.request, method, url, origin);
      if (asAnon.status() !== 401) problems.push(`${e.file} ${method}: signed-out got ${asAnon.status()}`);
    }
  }
  await Promise.all([outsider.context.close(), viewer.context.close(), anonymous.close()]);
  expect(problems, problems.join("\n")).toEqual([]);
  console.log(`tenancy walk: ${workspacePages.length} pages, ${workspaceRoutes.length} routes checked`);
});
