// Reports end to end: the workspace is synced from the simulator (seed 42, started by
// playwright.config.ts), in a non-UTC workspace time zone; the expected figures are computed
// here, independently, from the simulator's own records. Also: filters round-trip through the
// URL, the CSV equals the filtered table, and axe finds no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { datasetFor, type SimActivity } from "../../senar-sim/dataset";
import { formatDecimal, formatHours, formatInt, formatPct } from "../../lib/format";
import { addSession, emptySums, kpisFromSums, scorePct } from "../../lib/metrics";
import { addDays, todayIn } from "../../lib/report-filters";
import { parseSenarTimestamp } from "../../lib/senar-time";
import { ensureOwner, saveConnection } from "./auth-helpers";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const TZ = "Pacific/Auckland"; // UTC+12/+13: many sessions fall on another day than in UTC
const records: SimActivity[] = [...datasetFor({ seed: 42, accountName: "ACME" }, { users: 40, trainees: 150, activities: 3000 }).activities()];
const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
const localDay = (r: SimActivity) => dayFmt.format(parseSenarTimestamp(r.trainingDate)!);
// A fixed window well in the past, so live activities emitted by other specs never fall in it.
const TO = addDays(todayIn(TZ), -40);
const FROM = addDays(TO, -29);
const period = `range=custom&from=${FROM}&to=${TO}`;
const inPeriod = records.filter((r) => localDay(r) >= FROM && localDay(r) <= TO);
const sums = (set: SimActivity[]) => kpisFromSums(set.reduce((s, r) => addSession(s, r, 0.8), emptySums()));

let slug = "";

async function noSeriousAxe(page: Page) {
  const result = await new AxeBuilder({ page }).exclude("nextjs-portal").analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

test("set up: time zone, connection, full sync from the simulator", async ({ page }) => {
  slug = await ensureOwner(page);
  await page.goto(`/w/${slug}/settings`);
  await page.getByLabel("Time zone").selectOption(TZ);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved/)).toBeVisible();
  // After the save the select shows the saved zone (React resets the form; see SelectField).
  await expect(page.getByLabel("Time zone")).toHaveValue(TZ);
  await saveConnection(page, slug);
  await page.goto(`/w/${slug}/sync`);
  await page.getByRole("button", { name: /sync now|start.*sync|full sync/i }).first().click();
  // Wait until every generated activity is in the cache.
  await expect
    .poll(
      async () => {
        await page.goto(`/w/${slug}/activities?range=custom&from=2000-01-01&to=2100-01-01&size=25`);
        const text = (await page.getByRole("heading", { name: "Activities" }).locator("xpath=following-sibling::p").textContent()) ?? "";
        return Number((text.match(/^[\d,]+/)?.[0] ?? "0").replace(/,/g, ""));
      },
      { timeout: 180_000, intervals: [2_000, 5_000] },
    )
    .toBeGreaterThanOrEqual(records.length);
});

test("dashboard KPIs match the simulator's records for a period in the workspace time zone", async ({ page }) => {
  await ensureOwner(page);
  await page.goto(`/w/${slug}?${period}`);
  const want = sums(inPeriod);
  expect(inPeriod.length).toBeGreaterThan(20);
  await expect(page.getByTestId("kpi-sessions")).toHaveText(formatInt(inPeriod.length));
  await expect(page.getByTestId("kpi-trainees")).toHaveText(formatInt(new Set(inPeriod.map((r) => r.traineeId)).size));
  await expect(page.getByTestId("kpi-score")).toHaveText(formatPct(want.averageScore));
  await expect(page.getByTestId("kpi-pass")).toHaveText(formatPct(want.passRate));
  await expect(page.getByTestId("kpi-hours")).toHaveText(formatHours(want.trainingHours * 3600));
  await expect(page.getByTestId("kpi-tries")).toHaveText(formatDecimal(want.averageTries, 2));
  await noSeriousAxe(page);
});

test("a breakdown row, a trainee's best score and a matrix cell match the records", async ({ page }) => {
  await ensureOwner(page);
  // Breakdown by company: the company with most sessions in the period.
  const byCompany = new Map<string, SimActivity[]>();
  for (const r of inPeriod) byCompany.set(r.company, [...(byCompany.get(r.company) ?? []), r]);
  const [company, set] = [...byCompany.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  await page.goto(`/w/${slug}/breakdowns?by=company&${period}`);
  const row = page.locator(`tr[data-key="${company}"]`);
  const k = sums(set);
  await expect(row.locator("td").nth(1)).toHaveText(formatInt(set.length));
  await expect(row.locator("td").nth(2)).toHaveText(formatInt(new Set(set.map((r) => r.traineeId)).size));
  await expect(row.locator("td").nth(3)).toHaveText(formatPct(k.averageScore));
  await expect(row.locator("td").nth(4)).toContainText(formatPct(k.passRate));
  await noSeriousAxe(page);

  // Trainee profile: best score on their most practised scenario.
  const r0 = records[records.length - 1]!;
  const mine = records.filter((r) => r.traineeId === r0.traineeId);
  const key = `${r0.simulatorId}:${r0.scenarioId}`;
  const best = Math.max(...mine.filter((r) => `${r.simulatorId}:${r.scenarioId}` === key).map((r) => scorePct(r.totalPoints, r.totalMaxPoints)!));
  await page.goto(`/w/${slug}/trainees/${encodeURIComponent(r0.traineeId)}`);
  await expect(page.getByTestId(`best-${key}`)).toHaveText(formatPct(best));
  await expect(page.getByRole("table", { name: "Every session of this trainee" }).locator("tbody tr")).toHaveCount(mine.length);
  await noSeriousAxe(page);

  // Matrix: the same trainee and scenario in its collection.
  await page.goto(`/w/${slug}/matrix?collection=${r0.collectionId}&q=${encodeURIComponent(r0.traineeId)}`);
  const cell = page.locator(`td[data-cell="${r0.traineeId}|${key}"]`);
  await expect(cell).toContainText(formatPct(best, 0));
  await expect(cell).toHaveAttribute("data-state", best >= 0.8 ? "passed" : "attempted");
  await expect(cell).toContainText(best >= 0.8 ? "passed" : "attempted, not passed");
  await noSeriousAxe(page);
});

test("filters round-trip through the URL, and the CSV equals the filtered table", async ({ page, browser }) => {
  await ensureOwner(page);
  const company = inPeriod[0]!.company;
  await page.goto(`/w/${slug}/activities?${period}`);
  await page.getByRole("combobox", { name: "Company" }).selectOption(company);
  await page.getByRole("combobox", { name: "Result" }).selectOption("fail");
  await page.getByText(/^Columns \(/).click();
  for (const c of ["Activity ID", "Tilts"]) await page.getByLabel(c, { exact: true }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/company=/);
  await expect(page).toHaveURL(/result=fail/);
  await page.getByRole("link", { name: /^Score/ }).click();
  await expect(page).toHaveURL(/sort=score/);
  const url = page.url();

  const want = inPeriod.filter((r) => r.company === company && scorePct(r.totalPoints, r.totalMaxPoints)! < 0.8);
  const ids = await page.locator("tbody tr td:last-child").allTextContents();
  expect(ids.length).toBe(Math.min(50, want.length));

  // The same link in a fresh page shows the same view (state lives in the URL only).
  const other = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await other.goto(url);
  await expect(other.getByRole("combobox", { name: "Company" })).toHaveValue(company);
  await expect(other.getByRole("combobox", { name: "Result" })).toHaveValue("fail");
  expect(await other.locator("tbody tr td:last-child").allTextContents()).toEqual(ids);
  await noSeriousAxe(other);

  const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const res = await page.request.get(csvHref!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/);
  const header = lines[0]!.split(",");
  const idCol = header.indexOf("Activity ID");
  const csvIds = lines.slice(1).map((l) => l.split(",").at(idCol)!);
  expect(csvIds.length).toBe(want.length);
  expect(new Set(csvIds)).toEqual(new Set(want.map((r) => String(r.id))));
  expect(csvIds.slice(0, ids.length)).toEqual(ids); // same order as the table
  // Bad input is a clear 400, not a 500.
  const bad = await page.request.get(`/api/w/${slug}/exports/activities.csv?range=forever`);
  expect(bad.status()).toBe(400);
});

test("every report page passes axe (no serious or critical violations)", async ({ page }) => {
  await ensureOwner(page);
  for (const path of ["", "/activities", "/breakdowns", "/breakdowns?by=instructor", "/trainees", "/matrix", "/reports/senar-users"]) {
    await page.goto(`/w/${slug}${path}`);
    await expect(page.locator("h1")).toBeVisible();
    await noSeriousAxe(page);
  }
});
