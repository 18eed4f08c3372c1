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
