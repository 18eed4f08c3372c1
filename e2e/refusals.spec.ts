import { expect, storageStateFor, test } from "./fixtures";

test.use({ storageState: storageStateFor("official") });

test("every refused page answers HTTP 403 with the reason in words and a way back", async ({ page }) => {
  const pages: [string, string][] = [
    ["/agreements/new", "Bara analytiker kan lägga till avtal."],
    ["/agreements/import", "Bara analytiker kan importera avtal."],
    ["/organizations/new", "Bara analytiker kan lägga till organisationer."],
    ["/sources/new", "Bara analytiker kan lägga till källor."],
    ["/admin/users", "Bara administratörer kan hantera konton."],
  ];
  for (const [path, reason] of pages) {
    // The raw answer, as a crawler or a script sees it: the status is real.
    const raw = await page.request.get(path, { maxRedirects: 0 });
    expect(raw.status(), path).toBe(403);
    expect(await raw.text(), path).toContain(reason);
  }

  await page.goto("/agreements");
  const row = page.getByRole("row").filter({ hasText: "Malmö" }).filter({ hasText: "Tangshan" });
  const href = await row.getByRole("link", { name: "Malmö" }).first().getAttribute("href");
  const response = await page.goto(`${href}/propose`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("refusal-reason")).toHaveText("Du kan bara föreslå ändringar för Bengtsfors avtal.");
  await page.getByRole("link", { name: "Tillbaka" }).click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});
