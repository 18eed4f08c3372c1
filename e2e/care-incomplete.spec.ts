import { expect, storageStateFor, test } from "./fixtures";

// An agreement saved without its first status is visibly incomplete: on its page (with the way
// to record the status), on the dashboard's curation figures, and under the registry's filter.

test.use({ storageState: storageStateFor("analyst") });

test("an agreement without a status says so, and the dashboard and the registry list it", async ({ page, baseURL }, testInfo) => {
  // A retry imports another pair: the first attempt's agreement would be a duplicate.
  const party = ["Älvdalen", "Orsa", "Rättvik"][testInfo.retry] ?? "Leksand";
  const designation = `Ofullständigt-${Date.now().toString(36)}`;
  const csv = `swedish_party,foreign_party,kind,designation\n${party},Wuhan,other,${designation}\n`;
  const imported = await page.request.post("/api/agreements/import", {
    headers: { origin: baseURL! },
    multipart: { mode: "commit", file: { name: "ofullstandigt.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  });
  expect(imported.status(), await imported.text()).toBe(202);
  const { jobId } = (await imported.json()) as { jobId: string };
  await expect.poll(async () => ((await (await page.request.get(`/api/agreements/import/${jobId}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe("done");

  await page.goto(`/agreements?q=${designation}`);
  await page.getByRole("link", { name: new RegExp(`^${party}`) }).first().click();
  const notice = page.getByTestId("agreement-incomplete");
  await expect(notice).toContainText("Ofullständigt: avtalet har ingen registrerad status");
  await expect(notice.getByRole("link", { name: "Registrera första status (etablerat, med källa)" })).toHaveAttribute("href", /\/events\/new$/);
  await page.screenshot({ path: "screenshots/care-incomplete-sv-1440.png" });

  await page.goto("/dashboard");
  const stat = page.getByTestId("statusless-agreements");
  await expect(stat).toContainText("Ofullständiga avtal");
  expect(Number(await stat.locator("span").first().textContent())).toBeGreaterThan(0);
  await stat.click();
  await page.waitForURL(/\/agreements\?status=none/);
  await expect(page.getByRole("link", { name: new RegExp(`^${party}`) }).first()).toBeVisible();
});

test("an agreement created with its first status and a source shows both, and is not incomplete", async ({ page, context, baseURL }, testInfo) => {
  // A retry takes another pair: the first attempt's agreement would be a duplicate. A twin city
  // from 2023: the dashboard spec after this one checks the report's years (to 2021) and its 9 partnerships.
  const party = ["Ludvika", "Smedjebacken", "Avesta"][testInfo.retry] ?? "Hedemora";
  const designation = `Förstastatus-${Date.now().toString(36)}`;
  const body = `Kommunfullmäktige, ${party} kommun`;
  await page.goto("/agreements/new");
  const swedish = page.getByRole("combobox", { name: "Svensk part" });
  await swedish.fill(party);
  await page.getByRole("option", { name: new RegExp(`^${party}`) }).click();
  await page.getByRole("combobox", { name: "Kinesisk part" }).fill("Wuhan");
  await page.getByRole("option", { name: /^Wuhan/ }).click();
  await page.getByLabel("Avtalstyp").selectOption("twin_city");
  await page.getByLabel("Officiell benämning").fill(designation);

  // Half-filled: a day that does not exist, and no source. Refused field by field, nothing saved.
  const first = page.getByTestId("first-status");
  await first.getByLabel("Datum då avtalet ingicks: Precision").selectOption("day");
  await first.getByLabel("Datum då avtalet ingicks: Datum (ÅÅÅÅ-MM-DD)").fill("2023-02-30");
  await page.getByRole("button", { name: "Skapa avtal" }).click();
  await expect(first.getByText("Det datumet finns inte.")).toBeVisible();
  await expect(first.getByText("Ange minst en källa för första status")).toBeVisible();
  await expect(page).toHaveURL(/\/agreements\/new$/);

  await first.getByLabel("Datum då avtalet ingicks: Datum (ÅÅÅÅ-MM-DD)").fill("2023-03-14");
  await first.getByRole("button", { name: "+ Lägg till ny källa" }).click();
  await first.getByLabel("Organ").fill(body);
  await first.getByLabel("Sammanträdesdatum").fill("2023-03-14");
  await first.getByLabel("Paragraf").fill("§ 31");
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    // Nothing wider than the screen, source entry included.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `screenshots/first-status-form-sv-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("button", { name: "Skapa avtal" }).click();

  // The agreement page: the establishment at its day, with its source; no incomplete notice.
  await expect(page.getByRole("status").filter({ hasText: "Avtalet har skapats." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${party} – Wuhan`);
  const event = page.getByTestId("status-event");
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("Aktivt");
  await expect(event).toContainText("14 mars 2023");
  await expect(event).toContainText(body);
  await expect(page.getByTestId("agreement-incomplete")).toHaveCount(0);

  // Not under the registry's "Ingen händelse" filter; found without it.
  await page.goto(`/agreements?status=none&q=${designation}`);
  await expect(page.getByRole("link", { name: new RegExp(`^${party}`) })).toHaveCount(0);
  await page.goto(`/agreements?q=${designation}`);
  await expect(page.getByRole("link", { name: new RegExp(`^${party}`) }).first()).toBeVisible();

  // The form in English.
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/agreements/new");
  await page.getByTestId("first-status").getByRole("button", { name: "+ Add a new source" }).click();
  await expect(page.getByTestId("first-status")).toContainText("First status: Active (established)");
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `screenshots/first-status-form-en-${width}.png`, fullPage: true });
  }
});
