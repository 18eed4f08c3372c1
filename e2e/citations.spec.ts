import { seedId } from "../db/seed/ids";
import { expect, storageStateFor, test } from "./fixtures";

// The agreement's citation is formatted by citation-js in the server build (APA, bundled CSL
// locales, no network) and follows the interface's language.

test.use({ storageState: storageStateFor("analyst") });

const PITEA = `/agreements/${seedId("agreement", "pitea-dongying-twin")}`;

for (const [language, cite, sources, absent] of [
  ["sv", "Citera avtalet", "Källor:", /Sources|Retrieved|\[Data set\]/],
  ["en", "Cite the agreement", "Sources:", /Källor|Hämtad|u\.å\.|\[Dataset\]/],
] as const) {
  test(`the agreement's citation is in the interface's language, each source once: ${language}`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "locale", value: language, url: baseURL! }]);
    await page.goto(PITEA);
    const details = page.locator("details").filter({ has: page.getByText(cite, { exact: true }) });
    await details.getByText(cite, { exact: true }).click();
    const text = await details.getByRole("textbox").inputValue();
    expect(text).toMatch(new RegExp(`^Avtalsregistret\\. \\(\\d{4}\\)\\. Piteå – Dongying`));
    expect(text).toContain(sources);
    expect(text).not.toMatch(absent);
    const lines = text.split("\n").filter((l) => /^\[\d+\]/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => l.replace(/^\[\d+\] /, ""))).size).toBe(lines.length);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await details.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `screenshots/care-citation-${language}-${width}.png` });
    }
  });
}
