import type { Browser, Page } from "@playwright/test";
import { expect, storageStateFor, test, type AccountRole } from "./fixtures";

// Phones (390 × 844): every page an official uses fits the screen (no sideways scrolling), the
// navigation collapses behind an accessible disclosure button, and the staff pages scroll only
// inside their own tables. Wide screens (1440): the header is one row for every role, with the
// current page marked.

const PHONE = { width: 390, height: 844 };

async function open(browser: Browser, role: AccountRole | null, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({
    storageState: role ? storageStateFor(role) : { cookies: [], origins: [] },
    viewport,
    locale: "sv-SE",
  });
  return context.newPage();
}

async function expectFits(page: Page, path: string, shot: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: `screenshots/mobile-${shot}.png`, fullPage: true });
}

test("an official's pages fit a phone, and the menu collapses behind a disclosure button", async ({ browser }) => {
  const signedOut = await open(browser, null);
  await expectFits(signedOut, "/login", "login");
  await signedOut.context().close();

  const page = await open(browser, "official");
  await expectFits(page, "/home", "home");
  const toggle = page.getByRole("button", { name: "Meny" });
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Mina avtal" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: "screenshots/mobile-menu-open.png" });
  await expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();

  await page.getByTestId("home-agreement").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bengtsfors");
  const agreement = new URL(page.url()).pathname;
  await expectFits(page, agreement, "agreement");
  await expectFits(page, `${agreement}/propose`, "propose");
  await expectFits(page, `${agreement}/confirm`, "confirm");
  await expectFits(page, "/notifications", "notifications");
  await expectFits(page, "/review", "my-proposals");
  await page.context().close();
});

test("staff pages scroll only inside their own tables on a phone", async ({ browser }) => {
  const page = await open(browser, "admin");
  for (const path of ["/agreements", "/dashboard", "/organizations", "/sources", "/review", "/activity", "/admin/users"]) {
    await expectFits(page, path, `staff${path.replaceAll("/", "-")}`);
  }
  await page.context().close();
});

test("the header is one row at 1440 px for every role, with the current page marked", async ({ browser }) => {
  for (const role of ["admin", "analyst", "reviewer", "official"] as const) {
    const page = await open(browser, role, { width: 1440, height: 900 });
    await page.goto("/agreements");
    const header = page.getByRole("banner");
    await expect(page.getByRole("button", { name: "Meny" })).toBeHidden();
    const box = await header.boundingBox();
    expect(box!.height, `${role}: header height`).toBeLessThanOrEqual(64);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Avtal", exact: true })).toHaveAttribute("aria-current", "page");
    await page.screenshot({ path: `screenshots/header-1440-${role}.png` });
    await page.context().close();
  }
});
