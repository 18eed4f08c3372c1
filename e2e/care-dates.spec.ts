import { seedId } from "../db/seed/ids";
import { expect, storageStateFor, test } from "./fixtures";

// Dates are typed in the interface's order in every browser (ÅÅÅÅ-MM-DD / YYYY-MM-DD, never the
// browser's mm/dd/yyyy), and the dashboard's time travel says what it cannot show and what its
// report table does not follow.

test.use({ storageState: storageStateFor("analyst") });

const LANG = {
  sv: { day: "ÅÅÅÅ-MM-DD", asOf: "Läge per datum", show: "Visa", effectiveDay: "Gäller från: Datum (ÅÅÅÅ-MM-DD)", precision: "Gäller från: Precision" },
  en: { day: "YYYY-MM-DD", asOf: "As of date", show: "Show", effectiveDay: "Effective from: Date (YYYY-MM-DD)", precision: "Effective from: Precision" },
} as const;

for (const language of ["sv", "en"] as const) {
  const l = LANG[language];
  test.describe(language, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "locale", value: language, url: baseURL! }]);
    });

    test(`date fields are text in the interface's date order, checked by the shared schema: ${language}`, async ({ page }) => {
      await page.goto("/dashboard");
      const asOf = page.getByLabel(l.asOf, { exact: true });
      await expect(asOf).toHaveAttribute("type", "text");
      await expect(asOf).toHaveAttribute("placeholder", l.day);
      await asOf.fill("2019-12-31");
      await asOf.press("Enter");
      await expect(page.getByTestId("time-travel")).toContainText(language === "sv" ? "31 december 2019" : "31 December 2019");
      await page.screenshot({ path: `screenshots/care-dashboard-asof-${language}-1440.png`, fullPage: false });

      await page.goto(`/agreements/${seedId("agreement", "pitea-dongying-twin")}/events/new`);
      await page.getByLabel(l.precision).selectOption("day");
      const day = page.getByLabel(l.effectiveDay);
      await expect(day).toHaveAttribute("type", "text");
      await expect(day).toHaveAttribute("placeholder", l.day);
      await day.fill("2019-02-30");
      await page.getByRole("button", { name: language === "sv" ? "Spara händelsen" : "Save the event" }).click();
      await expect(page.getByText(language === "sv" ? "Det datumet finns inte." : "That date does not exist.").first()).toBeVisible();
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await day.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `screenshots/care-date-input-${language}-${width}.png` });
      }
    });

    test(`time travel says when the registry's record begins and what the report table shows: ${language}`, async ({ page }) => {
      await page.goto("/dashboard?recordedOn=2001-01-01");
      await expect(page.getByTestId("before-record")).toContainText(language === "sv" ? "Registrets egen historik börjar" : "The registry's own record begins on");
      await expect(page.getByTestId("before-record")).toContainText(language === "sv" ? "rapportens dataset" : "the report's dataset");
      await expect(page.getByTestId("report-figures-scope")).toBeVisible();
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 1000 });
        await page.screenshot({ path: `screenshots/care-time-travel-${language}-${width}.png` });
      }
      await page.goto("/dashboard");
      await expect(page.getByTestId("before-record")).toHaveCount(0);
      await expect(page.getByTestId("report-figures-scope")).toHaveCount(0);
    });
  });
}
