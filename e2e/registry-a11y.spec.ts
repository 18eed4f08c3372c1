import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { seedId } from "../db/seed/ids";
import { expect, storageStateFor, test } from "./fixtures";

// axe-core on every page of the registry (and the sign-in and agreement pages it builds on):
// no serious or critical violation of WCAG 2.1 A/AA, in both languages, with menus open too.

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

const MALMO = seedId("agreement", "malmo-tangshan-twin");
const UMEA = seedId("swedish-org", "kommun:2480");
const HEBEI = seedId("foreign-org", "cn-hebei");

const PAGES: [string, string][] = [
  ["agreements table", "/agreements"],
  ["filtered, sorted table", "/agreements?status=paused,ended&kind=twin_city&sort=established.desc&hide=designation"],
  ["empty search", "/agreements?q=ingenting-alls"],
  ["agreement page", `/agreements/${MALMO}`],
  ["edit form", `/agreements/${MALMO}/edit`],
  ["new agreement form", "/agreements/new"],
  ["import page", "/agreements/import"],
  ["organisations", "/organizations"],
  ["Swedish organisation", `/organizations/${UMEA}`],
  ["foreign organisation", `/organizations/${HEBEI}`],
  ["new organisation form", "/organizations/new"],
];

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page, "login");
});

test.describe("signed in as an analyst", () => {
  test.use({ storageState: storageStateFor("analyst") });

  for (const locale of ["sv", "en"] as const) {
    test(`every registry page has no serious accessibility violations (${locale})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
      for (const [label, path] of PAGES) {
        await page.goto(path);
        await expect(page.locator("main h1").first()).toBeVisible();
        await expectNoSeriousViolations(page, `${label} (${locale})`);
      }
    });
  }

  test("open menus, an open picker and a form with errors have no serious violations", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("button", { name: "Status", exact: true }).click();
    await expect(page.getByRole("checkbox", { name: "Pausat" })).toBeVisible();
    await expectNoSeriousViolations(page, "status filter open");

    await page.goto("/agreements/new");
    await page.getByRole("button", { name: "Skapa avtal" }).click();
    await expect(page.getByText("Välj en svensk part.")).toBeVisible();
    await page.getByRole("combobox", { name: "Svensk part" }).fill("sk");
    await expect(page.getByRole("option", { name: /^Skara/ })).toBeVisible();
    await expectNoSeriousViolations(page, "form with errors and an open picker");
    await page.keyboard.press("Escape");
    await page.getByRole("radio", { name: "Ny part" }).check();
    await expectNoSeriousViolations(page, "inline new foreign party");
  });

  test("the table is operable by keyboard alone", async ({ page }) => {
    await page.goto("/agreements");
    // Search, then a filter, then a sort, without the mouse.
    await page.getByRole("searchbox", { name: "Sök" }).focus();
    await page.keyboard.type("umea");
    await expect(page).toHaveURL(/q=umea/);
    const status = page.getByRole("button", { name: "Status", exact: true });
    await status.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: "I kraft, aktivt" })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/status=active/);
    await page.keyboard.press("Escape");
    await expect(status).toBeFocused();
    const sort = page.getByRole("button", { name: "Kinesisk part", exact: true });
    await sort.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=foreign\.asc/);
    await expect(page.getByTestId("agreements-table").locator("tbody tr")).toHaveCount(3);

    // The pickers work by keyboard too.
    await page.goto("/agreements/new");
    const picker = page.getByRole("combobox", { name: "Svensk part" });
    await picker.focus();
    await page.keyboard.type("umea");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(picker).toHaveValue("Umeå");
    await expect(picker).toHaveAttribute("aria-expanded", "false");
  });
});
