// Accounts end to end: first-run setup, Senar connection test against the simulator, sign-in
// and sign-out, 2FA enrolment and sign-in with a code, an invite accepted in a second browser
// context, and role-restricted pages.
import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { acceptAsNewAccount, createInvite, ensureOwner, OWNER, saveConnection, signIn, SIM_ACCOUNT } from "./auth-helpers";

test.describe.configure({ mode: "serial" });

// Our alerts, not Next's (empty) route announcer, which also has role=alert.
const alertBox = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

let slug = "";

test("first run asks for the owner account, then signs in to the new workspace", async ({ page }) => {
  await page.goto("/w");
  await expect(page).toHaveURL(/\/(signin|setup)/); // proxy → /signin, which sends a fresh install to /setup
  slug = await ensureOwner(page);
  expect(slug).toMatch(/^acme-training/);
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" })).toBeVisible();
  // Setup is closed once an account exists.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup/);
});

test("Test connection against the simulator: wrong password, then right", async ({ page }) => {
  await ensureOwner(page);
  await saveConnection(page, slug, "not-the-password");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(alertBox(page).filter({ hasText: "Wrong credentials" }).first()).toBeVisible();
  // The password is never sent back: the field is empty, a placeholder says one is stored.
  await page.reload();
  await expect(page.getByLabel("Senar password")).toHaveValue("");
  await expect(page.getByLabel("Senar password")).toHaveAttribute("placeholder", "•••• stored");
  expect(await page.content()).not.toContain("not-the-password");
  await expect(page.getByText(/Wrong credentials.*\(at /)).toBeVisible(); // last error and when

  await page.getByLabel("Senar password").fill(SIM_ACCOUNT.password);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Saved. Use Test connection")).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("Connected: Senar accepted").first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Connected since/)).toBeVisible();

  // The same check as a JSON route (admins), errors in the one shape.
  const ok = await page.request.post(`/api/w/${slug}/senar/test-connection`, { headers: { origin: new URL(page.url()).origin } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true });
  const csrf = await page.request.post(`/api/w/${slug}/senar/test-connection`, { headers: { origin: "https://evil.example" } });
  expect(csrf.status()).toBe(403);
  expect((await csrf.json()).error.code).toBe("forbidden");

  await page.goto(`/w/${slug}/settings/audit`);
  await expect(page.getByText("connection.tested").first()).toBeVisible();
  await expect(page.getByText("connection.updated").first()).toBeVisible();
});

test("sign-in: one generic message for wrong credentials; sign-out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertBox(page)).toHaveText("Wrong email or password.");
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\//);
  await page.locator("summary", { hasText: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const res = await page.request.get(`/w/${slug}`, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(res.status());
});

test("2FA: enrol with the QR secret, see recovery codes once, then sign in with a code", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.goto("/account/security");
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  const code = () => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  const nextCode = () => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 });
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(alertBox(page)).toContainText("not right");
  await page.getByLabel("Code from the app").fill(code());
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? "";
  const recovery2 = (await codes.nth(1).textContent()) ?? "";
  // Still signed in (the session was re-issued), and the page now says 2FA is on.
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();

  await page.locator("summary", { hasText: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, OWNER.email, OWNER.password, code);

  // A recovery code works once.
  await page.context().clearCookies();
  await signIn(page, OWNER.email, OWNER.password, () => recovery);
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(alertBox(page)).toContainText("That code is not right");

  // The code used above works once; the next period's code is accepted (the server allows one
  // step of clock drift). Then turn 2FA off (needs the password and a code; the app's codes of
  // this minute are spent, so a recovery code) so later specs sign in without.
  await page.getByLabel("Authentication code").fill(nextCode());
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/w\//);
  await page.goto("/account/security");
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByLabel("Code from your app, or a recovery code").fill(recovery2);
  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is off" })).toBeVisible();
});

test("invite accepted in a second browser context; the viewer cannot open admin pages", async ({ page, browser }) => {
  await signIn(page, OWNER.email, OWNER.password);
  const url = await createInvite(page, slug, "Viewer");
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  const { context, page: viewer } = await acceptAsNewAccount(browser, url, "viewer@portal.test", "viewer-pass-123");
  await expect(viewer.getByRole("navigation", { name: "Workspace" })).toBeVisible();
  await expect(viewer.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of ["settings", "settings/connection", "settings/members", "settings/audit"]) {
    const res = await viewer.goto(`/w/${slug}/${path}`);
    expect(res?.status(), path).toBe(403);
    await expect(viewer.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  const api = await viewer.request.post(`/api/w/${slug}/senar/test-connection`, { headers: { origin: new URL(viewer.url()).origin } });
  expect(api.status()).toBe(403);
  // The invite was single-use.
  const again = await browser.newContext();
  const p2 = await again.newPage();
  await p2.goto(url);
  await expect(p2.getByText("already been used")).toBeVisible();
  await again.close();
  await context.close();

  // The owner sees the new member and can change their role.
  await page.goto(`/w/${slug}/settings/members`);
  await expect(page.getByRole("cell", { name: /viewer@portal\.test/ }).first()).toBeVisible();
  // After the change the select shows the new role, and so does a fresh load; the last owner
  // cannot be demoted, and then the select shows the role they still have.
  const viewerRole = page.getByLabel(/Role of .*viewer@portal\.test/);
  const viewerRow = page.getByRole("row").filter({ has: viewerRole });
  await viewerRole.selectOption("ADMIN");
  await viewerRow.getByRole("button", { name: "Change" }).click();
  await expect(viewerRow.getByText("Role changed.")).toBeVisible();
  await expect(viewerRole).toHaveValue("ADMIN");
  await page.reload();
  await expect(viewerRole).toHaveValue("ADMIN");
  await viewerRole.selectOption("VIEWER");
  await viewerRow.getByRole("button", { name: "Change" }).click();
  await expect(viewerRow.getByText("Role changed.")).toBeVisible();
  await expect(viewerRole).toHaveValue("VIEWER");
  const ownerRole = page.getByLabel(/Role of .*owner@portal\.test/);
  const ownerRow = page.getByRole("row").filter({ has: ownerRole });
  await ownerRole.selectOption("VIEWER");
  await ownerRow.getByRole("button", { name: "Change" }).click();
  await expect(ownerRow.getByRole("alert")).toContainText("at least one enabled owner");
  await expect(ownerRole).toHaveValue("OWNER");
  await page.goto(`/w/${slug}/settings/audit`);
  await expect(page.getByText("invite.accepted")).toBeVisible();
});

test("sign-in throttling: after 5 failures the form says how long to wait", async ({ page }) => {
  // An address nobody has, so no other test's account is locked out.
  await page.goto("/signin");
  await page.getByLabel("Email").fill("throttled@portal.test");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alertBox(page)).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Password").fill("wrong-password-5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertBox(page)).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
});
