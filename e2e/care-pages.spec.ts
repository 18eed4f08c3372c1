import { expect, test } from "./fixtures";

// Small things a careful first user notices: the tab has the registry's icon, signed in or not.

test("every page names the registry's icon, and anyone may fetch it", async ({ page }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
