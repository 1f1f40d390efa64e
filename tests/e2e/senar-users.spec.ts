// Add a Senar user with two collections against the simulator, one of which the account does
// not own: the mixed result is shown per collection, and the user appears in the directory.
import { expect, test } from "@playwright/test";
import { datasetFor } from "../../senar-sim/dataset";
import { ensureOwner, saveConnection, SIM_URL } from "./auth-helpers";

const owned = datasetFor({ seed: 42 }).collections[0]!;
const NOT_OWNED = 987654;

test("add a user to an owned and a foreign collection; mixed result; user in the directory", async ({ page }) => {
  const slug = await ensureOwner(page);
  await saveConnection(page, slug);

  await page.goto(`/w/${slug}/senar-users`);
  await expect(page.getByText("cannot be edited or deleted through the API")).toBeVisible();
  await expect(page.getByRole("link", { name: "Senar Studio" })).toHaveAttribute("href", SIM_URL);
  await page.getByRole("link", { name: "Add user" }).click();

  // Client-side validation names what is wrong, before anything is sent.
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByLabel("Email").fill("ada.e2e@acme.test");
  await page.getByLabel("Password").fill("abcdef");
  await page.getByLabel("Other collection ids").fill(`${owned.id}, ${NOT_OWNED}`);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Password must contain at least one number")).toBeVisible();

  await page.getByLabel("Password").fill("abcdef1");
  // A double click must not add twice.
  await page.getByRole("button", { name: "Add user" }).dblclick();
  const results = page.getByTestId("assign-results");
  await expect(results).toBeVisible();
  await expect(page.getByText("was added to 1 of 2 collections")).toBeVisible();
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results.getByRole("listitem").filter({ hasText: `#${owned.id}` })).toContainText("added");
  await expect(results.getByRole("listitem").filter({ hasText: `#${NOT_OWNED}` })).toContainText("Senar refused the request (HTTP 400).");

  await page.getByRole("link", { name: "Show in the directory" }).click();
  await expect(page.getByRole("link", { name: "Ada Lovelace" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "ada.e2e@acme.test" })).toBeVisible();

  // Recorded once in the audit log.
  await page.goto(`/w/${slug}/settings/audit`);
  await expect(page.getByText("senar_user.added")).toHaveCount(1);
});
