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

test("a non-admin's request to the settings form's server action is a 403, and changes nothing", async ({ page, browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await adminContext.newPage();
  const settings = async () => {
    await adminPage.goto("/admin/settings");
    return {
      requireReview: await adminPage.getByRole("checkbox", { name: "Analytikers egna ändringar kräver granskning" }).isChecked(),
      license: await adminPage.locator('select[name="dataLicense"]').inputValue(),
    };
  };
  const before = await settings();
  // The admin saves the settings as they are; the request shows the form's server action (its id travels in a header).
  const [sent] = await Promise.all([
    adminPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    adminPage.getByRole("button", { name: "Spara", exact: true }).click(),
  ]);
  expect((await sent.response())?.status()).toBe(200);

  // The official (this spec's session) replays it with another licence.
  const other = before.license === "CC0-1.0" ? "ODbL-1.0" : "CC0-1.0";
  const replay = await page.request.post("/admin/settings", {
    headers: { "next-action": sent.headers()["next-action"]!, "content-type": sent.headers()["content-type"]!, accept: "text/x-component", origin: new URL(sent.url()).origin },
    data: sent.postData()!.replace(`\r\n\r\n${before.license}\r\n`, `\r\n\r\n${other}\r\n`),
  });
  expect(replay.status()).toBe(403);
  expect(await settings()).toEqual(before);
  await adminContext.close();
});
