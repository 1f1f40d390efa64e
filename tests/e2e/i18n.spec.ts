// Languages (issue 14): signed-out pages follow Accept-Language; a signed-in user's choice in the
// language menu wins, keeps the URL and its query, and sets <html lang>.
import { expect, test } from "@playwright/test";
import { ensureOwner } from "./auth-helpers";

test("a signed-out visitor asking for German gets a German sign-in page", async ({ page, browser }) => {
  // The sign-in page sends an empty installation to setup: make sure the owner exists.
  await ensureOwner(page);
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" } });
  try {
    const de = await context.newPage();
    await de.goto("/signin");
    await expect(de.locator("html")).toHaveAttribute("lang", "de");
    await expect(de.getByRole("heading", { level: 1 })).toHaveText("Beim Senar-Portal anmelden");
    await expect(de.getByLabel("E-Mail-Adresse")).toBeVisible();
    await expect(de.getByLabel("Passwort")).toBeVisible();
    await expect(de.getByRole("button", { name: "Anmelden" })).toBeVisible();
    await expect(de).toHaveTitle(/^Anmelden · Senar-Portal$/);
    // The client component's messages arrive too: a wrong password is answered in German.
    await de.getByLabel("E-Mail-Adresse").fill("nobody@portal.test");
    await de.getByLabel("Passwort").fill("wrong-password-1");
    await de.getByRole("button", { name: "Anmelden" }).click();
    await expect(de.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("choosing French in the language menu keeps the URL and its query, and switches the nav and lang", async ({ page }) => {
  const slug = await ensureOwner(page);
  const url = `/w/${slug}/activities?range=90d&q=abc`;
  await page.goto(url);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: "Trainees" })).toBeVisible();
  try {
    await page.locator("summary", { hasText: "Account menu" }).click();
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(url);
    const navFr = page.getByRole("navigation", { name: "Espace de travail" });
    await expect(navFr.getByRole("link", { name: "Stagiaires" })).toBeVisible();
    await expect(navFr.getByRole("link", { name: "Tableau de bord" })).toBeVisible();
    // The choice is stored: a fresh load of another page is French too.
    await page.goto(`/w/${slug}/settings`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("navigation", { name: "Paramètres" }).getByRole("link", { name: "Membres" })).toBeVisible();
    await expect(page.getByLabel("Langue par défaut")).toBeVisible();
  } finally {
    // Other specs share this owner and expect English: back to automatic.
    await page.goto("/account");
    await page.locator("#locale").selectOption("");
    await page.locator("form", { has: page.locator("#locale") }).getByRole("button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});
