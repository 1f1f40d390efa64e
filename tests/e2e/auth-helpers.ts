// Shared e2e sign-in helpers. The e2e database starts empty: the first spec that needs an
// account runs first-run setup with OWNER below; later ones sign in with it.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const OWNER = { name: "Olivia Owner", email: "owner@portal.test", password: "owner-pass-123", workspace: "Acme Training" };
export const SIM_URL = process.env.E2E_SIM_URL ?? `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 3199}`;
export const SIM_ACCOUNT = { username: "demo@senar.test", password: "demo-pass1" };

/** Signs in through the sign-in page (answering the 2FA step when `otp` is given). */
export async function signIn(page: Page, email: string, password: string, otp?: () => string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (otp) {
    await page.getByLabel("Authentication code").fill(otp());
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  }
  await expect(page).toHaveURL(/\/w\//);
}

/** Makes sure the first owner exists (running first-run setup if needed) and signs the page in. Returns the workspace slug. */
export async function ensureOwner(page: Page): Promise<string> {
  await page.goto("/signin");
  if (page.url().includes("/setup")) {
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByLabel("Repeat the password").fill(OWNER.password);
    await page.getByLabel("Organisation (workspace) name").fill(OWNER.workspace);
    await page.getByRole("button", { name: "Create owner account" }).click();
    await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\/settings\/connection/);
  } else {
    await signIn(page, OWNER.email, OWNER.password);
  }
  await page.goto("/w");
  const link = page.getByRole("link", { name: OWNER.workspace, exact: true });
  if (await link.count()) await link.first().click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/** Creates an invite on the members page (as an owner) and returns its link. */
export async function createInvite(page: Page, slug: string, role: "Viewer" | "Admin" | "Owner"): Promise<string> {
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invite" }).click();
  const box = page.getByLabel(/Invite link/);
  await expect(box).toBeVisible();
  return box.inputValue();
}

/** Opens an invite in a fresh browser context, creating the account; returns the signed-in context. */
export async function acceptAsNewAccount(browser: Browser, inviteUrl: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  return { context, page };
}

/** Saves the workspace's Senar connection (the simulator's account) through the settings page. */
export async function saveConnection(page: Page, slug: string, password = SIM_ACCOUNT.password): Promise<void> {
  await page.goto(`/w/${slug}/settings/connection`);
  await page.getByLabel("Senar address").fill(SIM_URL);
  await page.getByLabel("Senar username").fill(SIM_ACCOUNT.username);
  await page.getByLabel("Senar password").fill(password);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Saved. Use Test connection")).toBeVisible();
}
