import { expect, test } from "@playwright/test";

test("health says ok, and nothing more to the public", async ({ request }) => {
  // The details (mode, migrations) need the cron secret: tests/integration/database.test.ts.
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("home page shows the product and a sign-in entry, with security headers", async ({ page }) => {
  const res = await page.goto("/");
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Training reports");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});
