import { expect, test, type Page } from "@playwright/test";
import { ensureOwner } from "./auth-helpers";

/** Console messages the browser logs when the CSP refuses something, collected per page. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => {
    if (/Content Security Policy/i.test(e.message)) seen.push(`pageerror: ${e.message}`);
  });
  return seen;
}

test("health says ok, and nothing more to the public", async ({ request }) => {
  // The details (mode, migrations) need the cron secret: tests/integration/database.test.ts.
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("home page shows the product and a sign-in entry, with security headers", async ({ page }) => {
  const res = await page.goto("/");
  const csp = res?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  // Scripts only by nonce: no 'unsafe-inline' for scripts, and a fresh nonce on every response.
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  const again = (await page.request.get("/")).headers()["content-security-policy"] ?? "";
  expect(again.match(/'nonce-([^']+)'/)?.[1]).not.toBe(csp.match(/'nonce-([^']+)'/)?.[1]);
  expect(res?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Training reports");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});

test("pages run under the nonce CSP: no violation in the console, and client components work", async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto("/");
  await page.goto("/signin");
  // Signing in goes through the sign-in form, a client component: it only works once hydrated.
  const slug = await ensureOwner(page);
  await page.goto(`/w/${slug}`); // dashboard with recharts
  await page.waitForLoadState("networkidle");
  await page.goto(`/w/${slug}/activities`);
  await page.waitForLoadState("networkidle");
  const html = await page.content();
  // Next's inline bootstrap scripts carry the nonce attribute (the browser hides its value from the DOM).
  expect(html).toMatch(/<script[^>]*nonce/);
  expect(violations).toEqual([]);
});
