import fs from "node:fs";
import Papa from "papaparse";
import { seedId } from "../db/seed/ids";
import { expect, storageStateFor, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The registry as an analyst uses it. Specs share one seeded database and run one at a time:
// these tests only read the report's agreements, or edit ones no other spec touches
// (Piteå–Dongying), or create their own records with unique names.

test.use({ storageState: storageStateFor("analyst") });

const table = (page: Page) => page.getByTestId("agreements-table");
const rows = (page: Page) => table(page).locator("tbody tr");

async function rowIds(page: Page): Promise<string[]> {
  const hrefs = await table(page).locator("tbody tr td:first-child a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.replace("/agreements/", ""));
}

test("an analyst finds Malmö by searching, filters to paused agreements, shares the view and exports exactly its rows", async ({ page, browser }) => {
  await page.goto("/agreements");
  await expect(page.getByRole("heading", { name: "Avtal", level: 1 })).toBeVisible();

  // Search without the ö: the database folds the diacritics on both sides.
  await page.getByRole("searchbox", { name: "Sök" }).fill("malmo");
  await expect(page).toHaveURL(/[?&]q=malmo/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Malmö");
  await expect(rows(page).first()).toContainText("Tangshan");
  await expect(rows(page).first()).toContainText("唐山市");

  // Chinese characters work too.
  await page.getByRole("searchbox", { name: "Sök" }).fill("上海");
  await expect(page).toHaveURL(/q=%E4%B8%8A%E6%B5%B7/);
  await expect(rows(page).first()).toContainText("Göteborg");

  // Clear the search; filter to paused agreements.
  await page.getByRole("searchbox", { name: "Sök" }).fill("");
  await expect(page).not.toHaveURL(/q=/);
  await page.getByRole("button", { name: "Status", exact: true }).click();
  // The filter's states say which recorded statuses they group (the badges show the status itself).
  await expect(page.getByRole("checkbox", { name: "Avslutat omfattar Avslutat, Avslutat av motparten, Inte förlängt", exact: true })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "I kraft, aktivt omfattar Aktivt, Återupptaget", exact: true })).toBeVisible();
  await page.getByRole("checkbox", { name: "Pausat" }).check();
  await expect(page).toHaveURL(/status=paused/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: /Ta bort filtret Status: Pausat/ })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows(page).nth(i)).toContainText("Pausat");
  await expect(rows(page).filter({ hasText: "Malmö" })).toHaveCount(1);
  await page.screenshot({ path: "screenshots/registry-table-paused-sv.png", fullPage: true });
  const ids = await rowIds(page);
  const sharedUrl = page.url();

  // The link gives the same view in a new browser context.
  const other = await browser.newContext({ storageState: storageStateFor("analyst") });
  const otherPage = await other.newPage();
  await otherPage.goto(sharedUrl);
  await expect(rows(otherPage)).toHaveCount(count);
  expect(await rowIds(otherPage)).toEqual(ids);
  await expect(otherPage.getByRole("button", { name: /Ta bort filtret Status: Pausat/ })).toBeVisible();
  await other.close();

  // The CSV export holds exactly the filtered rows.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exportera CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^avtal-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => r.id)).toEqual(ids);
  expect(new Set(parsed.data.map((r) => r.status))).toEqual(new Set(["paused"]));
  expect(parsed.data.find((r) => r.swedish_party === "Malmö")).toMatchObject({ foreign_party: "Tangshan", foreign_party_native: "唐山市", status: "paused" });

  // The CSV for Excel: semicolons and the interface's labels, which the import reads back.
  const excelDownloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV för Excel" }).click();
  const excel = fs.readFileSync((await (await excelDownloading).path())!, "utf8");
  const excelRows = Papa.parse<Record<string, string>>(excel.slice(1).trim(), { header: true, delimiter: ";" }).data;
  expect(excelRows.map((r) => r.id)).toEqual(ids);
  expect(new Set(excelRows.map((r) => r.status))).toEqual(new Set(["Pausat"]));

  // And the JSON export the same rows.
  const json = await page.request.get(`/api/agreements/export?format=json&${new URL(sharedUrl).searchParams}`);
  expect(json.ok()).toBe(true);
  const body = await json.json();
  expect(body.agreements.map((a: { id: string }) => a.id)).toEqual(ids);
});

test("the table sorts, pages and hides columns, all kept in the URL", async ({ page }) => {
  await page.goto("/agreements?size=25");
  await expect(rows(page)).toHaveCount(25);
  await expect(page.getByText(/Visar 1–25 av \d+/)).toBeVisible();
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Visar 26–50 av/)).toBeVisible();

  await page.getByRole("button", { name: "Etablerat", exact: true }).click();
  await expect(page).toHaveURL(/sort=established\.asc/);
  await expect(page).not.toHaveURL(/page=/);
  await page.getByRole("button", { name: "Etablerat", exact: true }).click();
  await expect(page).toHaveURL(/sort=established\.desc/);
  await expect(page.getByRole("columnheader", { name: "Etablerat" })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("button", { name: "Kolumner" }).click();
  await page.getByRole("checkbox", { name: "Officiell benämning" }).uncheck();
  await expect(page).toHaveURL(/hide=designation/);
  await expect(page.getByRole("columnheader", { name: "Officiell benämning" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Officiell benämning" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Etablerat" })).toHaveAttribute("aria-sort", "descending");
});

test("an analyst creates an agreement with a new foreign party; a bad date is refused field by field and nothing typed is lost", async ({ page }) => {
  const city = `Xiaogan ${Date.now().toString(36)}`;
  await page.goto("/agreements");
  await page.getByRole("link", { name: "+ Nytt avtal" }).click();
  await expect(page.getByRole("heading", { name: "Nytt avtal", level: 1 })).toBeVisible();

  const swedish = page.getByRole("combobox", { name: "Svensk part" });
  await swedish.fill("gallivare");
  await page.getByRole("option", { name: /^Gällivare/ }).click();
  await expect(swedish).toHaveValue("Gällivare");

  // Nothing matches the new city: the search offers to create it and carries the name over.
  await page.getByRole("combobox", { name: "Kinesisk part" }).fill(city);
  await page.getByRole("option", { name: new RegExp(`^Skapa ”${city}”`) }).click();
  await expect(page.getByRole("radio", { name: "Ny part" })).toBeChecked();
  await expect(page.getByLabel("Namn (latinska bokstäver)")).toHaveValue(city);
  await expect(page.getByLabel("Namn (latinska bokstäver)")).toBeFocused();
  await page.getByLabel("Namn i originalskrift").fill("孝感市");
  await page.getByLabel("Administrativ nivå").selectOption({ label: "Stad på prefekturnivå" });
  await page.getByRole("combobox", { name: "Överordnad (provins eller stad)" }).fill("湖北");
  await page.getByRole("option", { name: /^Hubei/ }).click();

  await page.getByLabel("Avtalstyp").selectOption({ label: "Kommunalt partnerskap" });
  await page.getByLabel("Etablerat").fill("2019-5");
  await page.getByLabel("Officiell benämning").fill("Avsiktsförklaring om partnerskap");
  await page.getByLabel("Samarbetsområden").fill("Utbildning\nMiljö");
  await page.screenshot({ path: "screenshots/registry-form-new-sv.png", fullPage: true });

  await page.getByRole("button", { name: "Skapa avtal" }).click();
  await expect(page.getByText("Ange ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")).toBeVisible();
  await expect(page.getByLabel("Etablerat")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Namn (latinska bokstäver)")).toHaveValue(city);
  await expect(page.getByLabel("Samarbetsområden")).toHaveValue("Utbildning\nMiljö");
  await page.screenshot({ path: "screenshots/registry-form-error-sv.png", fullPage: true });

  await page.getByLabel("Etablerat").fill("2019-05");
  await page.getByRole("button", { name: "Skapa avtal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Gällivare – ${city}`);
  await expect(page.getByRole("status").filter({ hasText: "Avtalet har skapats." })).toBeVisible();
  await expect(page.getByText("maj 2019").first()).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Utbildning, Miljö" })).toBeVisible();
  const revision = page.getByTestId("revision").first();
  await expect(revision).toContainText("Skapat");
  await expect(revision).toContainText("Demo Analytiker");

  // The new party has its own page, and the table finds the agreement by its native name.
  await page.getByRole("link", { name: city }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(city);
  await expect(page.getByText("Hubei")).toBeVisible();
  await page.goto(`/agreements?q=${encodeURIComponent("孝感")}`);
  await expect(rows(page).filter({ hasText: city })).toHaveCount(1);
});

test("two sessions edit the same agreement: the later save is refused with what changed meanwhile, and nothing is lost", async ({ page, browser }) => {
  const id = seedId("agreement", "pitea-dongying-twin");
  const theirs = `Vänortsavtal ${Date.now().toString(36)}`;

  // Both open the edit form of the same version.
  const second = await browser.newContext({ storageState: storageStateFor("analyst") });
  const other = await second.newPage();
  await page.goto(`/agreements/${id}/edit`);
  await other.goto(`/agreements/${id}/edit`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Piteå – Dongying");
  const version = (await page.getByText(/^Version \d+$/).textContent())!;

  // The first saves.
  await page.getByLabel("Officiell benämning").fill(theirs);
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna har sparats." })).toBeVisible();

  // The second, still on the old version, is refused and sees theirs against its own.
  await other.getByLabel("Officiell benämning").fill("Mitt förslag");
  await other.getByLabel("Finansiering").fill("Egen budget");
  await other.getByRole("button", { name: "Spara ändringar" }).click();
  const conflict = other.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Avtalet har ändrats medan du redigerade");
  await expect(conflict).toContainText("Demo Analytiker");
  const row = conflict.getByRole("row", { name: /Officiell benämning/ });
  await expect(row).toContainText(theirs);
  await expect(row).toContainText("Mitt förslag");
  await expect(other.getByLabel("Finansiering")).toHaveValue("Egen budget");
  await expect(other.getByLabel("Officiell benämning")).toHaveValue("Mitt förslag");
  await other.screenshot({ path: "screenshots/registry-conflict-sv.png", fullPage: true });

  // Nothing of the refused edit was saved.
  await page.reload();
  // Exactly the refused value: another spec's edit of this agreement may hold "Egen budget <id>".
  await expect(page.getByText("Egen budget", { exact: true })).toHaveCount(0);
  await expect(page.getByText(theirs).first()).toBeVisible();

  // Having seen the difference, the second saves over the new version.
  await conflict.getByRole("button", { name: /Spara mina värden över version/ }).click();
  await expect(other.getByRole("status").filter({ hasText: "Ändringarna har sparats." })).toBeVisible();
  await expect(other.getByText("Egen budget").first()).toBeVisible();
  const revisions = other.getByTestId("revision");
  await expect(revisions.first()).toContainText(theirs);
  await expect(revisions.first()).toContainText("Mitt förslag");
  expect(version).toMatch(/^Version \d+$/);
  await second.close();
});

test("an analyst imports a CSV with one bad row, sees the error before anything is written, then imports the corrected file", async ({ page }) => {
  const tag = Date.now().toString(36);
  const good = [
    `Kiruna,Ezhou ${tag},鄂州市,Hubei,twin_city,2018,Vänortsavtal`,
    `Lycksele,Ezhou ${tag},,,partnership,2020-02,`,
  ];
  const header = "swedish_party,foreign_party,foreign_party_native,foreign_party_province,kind,established,designation";
  const file = (lines: string[]) => ({ name: `avtal-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from([header, ...lines].join("\n"), "utf8") });
  // The first file as Swedish Excel saves "CSV": Windows-1252 (å, ä, ö are Latin-1 bytes), semicolons.
  const excel = [header, `Håbo,Östad ${tag},,,twin_city,2018,Vänortsavtal`, `Morra,Östad ${tag},,Henan,twin_city,2019,`, `Lycksele,Östad ${tag},,,partnership,2020-02,`]
    .map((l) => l.replaceAll(",", ";"))
    .join("\r\n");

  await page.goto("/agreements/import");
  await page.getByLabel("CSV-fil").setInputFiles({ name: `excel-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(excel, "latin1") });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Filen lästes som Windows-1252 (Excels ”CSV”), semikolonavgränsad.");
  await expect(preview).toContainText("2 avtal skapas, inga hoppas över, 1 rad med fel.");
  await expect(preview.getByRole("alert")).toContainText("Filen har fel. Ingenting har sparats.");
  const errorRow = preview.locator('[data-action="error"]');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow).toContainText("3");
  await expect(errorRow).toContainText("Okänd svensk part: Morra. Menade du Mora?");
  // A province the registry does not hold says how to add it.
  await expect(errorRow).toContainText("Okänd provins: Henan. Lägg till provinsen under Organisationer → Ny organisation (nivå: provins)");
  await preview.getByRole("checkbox", { name: "Visa bara rader med fel" }).uncheck();
  await expect(preview.locator('[data-action="create"]').first()).toContainText(`Östad ${tag}`);
  await expect(preview.locator('[data-action="create"]').first()).toContainText("Håbo");
  await expect(preview.getByRole("button", { name: "Importera – rätta först 1 fel" })).toBeDisabled();
  await expect(preview.getByRole("button", { name: /Importera 2 avtal/ })).toHaveCount(0);
  await page.screenshot({ path: "screenshots/registry-import-errors-sv.png", fullPage: true });

  // Nothing was written.
  await page.goto(`/agreements?q=${encodeURIComponent(`östad ${tag}`)}`);
  await expect(page.getByText("Inga avtal matchar sökningen och filtren.").first()).toBeVisible();

  // The corrected file goes through in one go.
  await page.goto("/agreements/import");
  await page.getByLabel("CSV-fil").setInputFiles(file(good));
  await expect(page.getByTestId("import-preview")).toContainText("2 avtal skapas, inga hoppas över, inga fel.");
  await page.getByRole("button", { name: "Importera 2 avtal" }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("2 avtal skapades.");
  await expect(result).toContainText(`Nya kinesiska parter: Ezhou ${tag}`);
  // The import ran as a job whose address the page shows: coming back to it shows the result.
  await expect(page).toHaveURL(/\/agreements\/import\?job=[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByTestId("import-result")).toContainText("2 avtal skapades.");
  await expect(page.getByTestId("recent-imports")).toContainText(`avtal-${tag}.csv – Klar, 2 rader`);
  await page.screenshot({ path: "screenshots/registry-import-done-sv.png", fullPage: true });
  await page.goto(`/agreements?q=${encodeURIComponent(`ezhou ${tag}`)}`);
  await expect(rows(page)).toHaveCount(2);
});

test("the language switch turns the registry into English, with dates and numbers formatted for the locale", async ({ page }) => {
  const malmo = seedId("agreement", "malmo-tangshan-twin");
  await page.goto("/agreements");
  await page.getByRole("combobox", { name: "Språk" }).selectOption("en");
  await expect(page.getByRole("heading", { name: "Agreements", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Swedish party" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Status", exact: true })).toBeVisible();
  await expect(page.getByText(/Showing 1–50 of \d+/)).toBeVisible();
  await expect(rows(page).filter({ hasText: "Twin-city agreement" }).first()).toBeVisible();
  await page.screenshot({ path: "screenshots/registry-table-en.png", fullPage: true });

  await page.goto(`/agreements/${malmo}`);
  await expect(page.getByRole("heading", { name: "Revision history" })).toBeVisible();
  await expect(page.getByTestId("status-event").getByText("19 August 2020").first()).toBeVisible();
  await page.screenshot({ path: "screenshots/registry-agreement-en.png", fullPage: true });

  await page.goto("/agreements/new");
  await expect(page.getByRole("heading", { name: "New agreement", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Create agreement" }).click();
  await expect(page.getByText("Choose a Swedish party.")).toBeVisible();
  await page.screenshot({ path: "screenshots/registry-form-en.png", fullPage: true });

  // The choice is remembered.
  await page.goto("/organizations");
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("sv");
  await expect(page.getByRole("heading", { name: "Organisationer", level: 1 })).toBeVisible();
});

test("screenshots of the Swedish agreement page and organisation page", async ({ page }) => {
  await page.goto(`/agreements/${seedId("agreement", "malmo-tangshan-twin")}`);
  await expect(page.getByRole("heading", { name: "Ändringshistorik" })).toBeVisible();
  await expect(page.getByTestId("status-event").getByText("19 augusti 2020").first()).toBeVisible();
  await page.screenshot({ path: "screenshots/registry-agreement-sv.png", fullPage: true });
  await page.goto(`/organizations/${seedId("swedish-org", "kommun:2081")}`);
  await expect(page.getByRole("heading", { name: "Borlänge", level: 1 })).toBeVisible();
  await expect(page.getByTestId("org-agreement")).toHaveCount(2);
  await expect(page.getByTestId("org-agreement").first()).toContainText("Avslutat");
  await page.screenshot({ path: "screenshots/registry-organization-sv.png", fullPage: true });
});

test("the table and the form fit a laptop and a tablet", async ({ page }) => {
  for (const [name, size] of [
    ["laptop", { width: 1366, height: 768 }],
    ["tablet", { width: 820, height: 1180 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto("/agreements?size=25");
    await expect(rows(page)).toHaveCount(25);
    // Nothing but the table itself scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect(page.getByRole("searchbox", { name: "Sök" })).toBeInViewport();
    await page.screenshot({ path: `screenshots/registry-table-${name}.png` });
    await page.goto("/agreements/new");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `screenshots/registry-form-${name}.png`, fullPage: true });
  }
});
