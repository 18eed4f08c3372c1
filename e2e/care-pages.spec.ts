import { expect, storageStateFor, test } from "./fixtures";

// Small things a careful first user notices: the tab has the registry's icon, signed in or not.

test("every page names the registry's icon, and anyone may fetch it", async ({ page }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

// The header: every role's links, the user's corner and the sign-out button on one row at 1440 px
// (the admin has the most links), nothing hidden under its neighbour, and the current page marked.
const HEADERS = [
  { role: "admin", start: "/admin/users" },
  { role: "analyst", start: "/agreements" },
  { role: "reviewer", start: "/review" },
  { role: "official", start: "/home" },
  { role: "signed out", start: "/avtal" },
] as const;

test("the header is one row at 1440 px for every role in both languages, and marks the current page", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  for (const { role, start, locale } of HEADERS.flatMap((h) => (["sv", "en"] as const).map((locale) => ({ ...h, locale })))) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      storageState: role === "signed out" ? { cookies: [], origins: [] } : storageStateFor(role),
    });
    await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto(start);
    const header = page.locator("header.app-header");
    const rows = await header.evaluate((el) => {
      const box = (e: Element) => e.getBoundingClientRect();
      const inner = el.querySelector(".app-header__inner")!;
      const items = [el.querySelector(".app-header__brand")!, ...el.querySelectorAll("nav li"), ...el.querySelectorAll(".app-header__user > *")];
      const ul = el.querySelector("nav ul")!;
      return {
        height: box(inner).height,
        middles: items.map((e) => Math.round((box(e).top + box(e).bottom) / 2)),
        navRight: box(ul).right,
        navOverflow: ul.scrollWidth - ul.clientWidth,
        userLeft: box(el.querySelector(".app-header__user")!).left,
        userRight: box(el.querySelector(".app-header__user")!).right,
      };
    });
    // One row: every item centred on the same line, the bar no taller than one row of the user's corner.
    expect(Math.max(...rows.middles) - Math.min(...rows.middles), `${role} ${locale}`).toBeLessThanOrEqual(4);
    expect(rows.height, `${role} ${locale}`).toBeLessThanOrEqual(64);
    // Nothing cut off or overlapping: the links end before the user's corner, which ends inside the window.
    expect(rows.navOverflow, `${role} ${locale}`).toBeLessThanOrEqual(0);
    expect(rows.navRight, `${role} ${locale}`).toBeLessThanOrEqual(rows.userLeft);
    expect(rows.userRight, `${role} ${locale}`).toBeLessThanOrEqual(1440);
    // The current page: one link marked, for screen readers (aria-current) and by sight (bold, underlined).
    const current = header.locator('nav a[aria-current="page"]');
    await expect(current, role).toHaveCount(1);
    expect(await current.evaluate((a) => getComputedStyle(a).fontWeight), role).toBe("700");
    expect(await current.evaluate((a) => getComputedStyle(a).textDecorationLine), role).toBe("underline");
    await context.close();
  }
});

test("the navigation marks the page you are on, and only that one", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("analyst") });
  const page = await context.newPage();
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  for (const [path, link] of [
    ["/agreements", "Avtal"],
    ["/sources", "Källor"],
    ["/dashboard", "Översikt"],
  ] as const) {
    await page.goto(path);
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }
  // A sub-page belongs to its section: an agreement's page is under Avtal.
  await page.goto("/agreements");
  await page.getByRole("link", { name: "Lidköping" }).first().click();
  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]+$/);
  await expect(nav.getByRole("link", { name: "Avtal", exact: true })).toHaveAttribute("aria-current", "page");
  await context.close();

  // Signed out, the public pages do the same.
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await anonymous.newPage();
  const publicNav = visitor.getByRole("navigation", { name: "Öppna registret" });
  await visitor.goto("/statistik");
  await expect(publicNav.getByRole("link", { name: "Statistik" })).toHaveAttribute("aria-current", "page");
  await expect(publicNav.getByRole("link", { name: "Registret" })).not.toHaveAttribute("aria-current", "page");
  await visitor.goto("/avtal");
  await expect(publicNav.getByRole("link", { name: "Registret" })).toHaveAttribute("aria-current", "page");
  await anonymous.close();
});

// A source added to a form shows what it still needs only once the user has left a field or sent the form.
test("a newly added source block shows no errors until a field is left or the form is sent", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: storageStateFor("analyst") });
  const page = await context.newPage();
  await page.goto("/agreements");
  await page.getByRole("link", { name: "Lidköping" }).first().click();
  await page.getByRole("link", { name: "Registrera statusändring" }).click();
  await expect(page.getByRole("heading", { name: "Registrera statusändring", level: 1 })).toBeVisible();
  const form = page.url();
  const entry = page.getByTestId("source-entry").last();
  const invalid = entry.locator('[aria-invalid="true"]');

  // A fresh form: the new block is quiet; leaving its required field empty shows that error.
  await page.getByRole("button", { name: "+ Lägg till ny källa" }).click();
  await expect(entry.getByLabel("Organ")).toBeVisible();
  await expect(invalid).toHaveCount(0);
  await expect(entry.locator(".field-error")).toHaveCount(0);
  await entry.getByLabel("Organ").focus();
  await entry.getByLabel("Organ").blur();
  await expect(entry.getByText("Ange organet")).toBeVisible();

  // Sent without a source first: the list says so; the block added then is quiet until the next send.
  await page.goto(form);
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Avslutat" });
  await page.getByLabel("Gäller från: Precision").selectOption("year");
  await page.getByLabel("Gäller från: År (ÅÅÅÅ)").fill("2021");
  await page.getByRole("button", { name: "Spara händelsen" }).click();
  await expect(page.getByText("Ange minst en källa, eller spara som obekräftat utkast.")).toBeVisible();
  await page.getByRole("button", { name: "+ Lägg till ny källa" }).click();
  await expect(entry.getByLabel("Organ")).toBeVisible();
  await expect(page.getByText("Ange minst en källa, eller spara som obekräftat utkast.")).toHaveCount(0);
  await expect(invalid).toHaveCount(0);
  await expect(entry.getByText("Ange organet")).toHaveCount(0);
  await page.getByRole("button", { name: "Spara händelsen" }).click();
  await expect(entry.getByText("Ange organet")).toBeVisible();
  await expect(entry.getByLabel("Organ")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});
