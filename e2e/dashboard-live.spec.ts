import { expect, storageStateFor, test } from "./fixtures";

// The dashboards are computed from the status log: logging a change moves the figures at once.

test.use({ storageState: storageStateFor("analyst") });

async function stat(page: import("@playwright/test").Page, state: string): Promise<number> {
  const link = page.getByTestId(`now-${state}`);
  if ((await link.count()) === 0) return 0;
  return Number((await link.locator("span").first().innerText()).trim());
}

test("an analyst logs a termination and the dashboard's current count drops by one", async ({ page }) => {
  await page.goto("/dashboard");
  const activeBefore = await stat(page, "active");
  const endedBefore = await stat(page, "ended");
  expect(activeBefore).toBeGreaterThan(0);

  await page.goto("/agreements");
  await page.getByRole("link", { name: "Karlskrona" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Karlskrona – Chuxiong");
  await page.getByRole("link", { name: "Registrera statusändring" }).click();
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Avslutat" });
  await page.getByLabel("Gäller från: Precision").selectOption("year");
  await page.getByLabel("Gäller från: År (ÅÅÅÅ)").fill("2023");
  await page.getByRole("button", { name: "+ Välj befintlig källa" }).click();
  await page.getByLabel("Sök bland källorna").fill("Lokal frost");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByRole("button", { name: /^Välj: Lokal frost/ }).click();
  await page.getByLabel("Sida").fill("Appendix");
  await page.getByRole("button", { name: "Spara händelsen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Karlskrona – Chuxiong");
  await expect(page.getByTestId("status-event").filter({ hasText: "Avslutat" }).first()).toContainText("2023");

  await page.goto("/dashboard");
  await expect(page.getByTestId("now-active").locator("span").first()).toHaveText(String(activeBefore - 1));
  expect(await stat(page, "ended")).toBe(endedBefore + 1);
  // The drill-down of the active count no longer lists it; the ended one does, with the new event.
  await page.getByTestId("now-ended").click();
  await expect(page.getByTestId("drilldown-row").filter({ hasText: "Karlskrona – Chuxiong" })).toContainText("2023");
});
