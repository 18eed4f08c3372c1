import { expect, signIn, test } from "./fixtures";

test("a stranger is sent to the sign-in page, and a wrong password is refused without saying why", async ({ page }) => {
  await page.goto("/agreements");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fagreements/);
  await signIn(page, "analyst", "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page).toHaveURL(/\/login/);
});

test("an analyst signs in, finds Mora–Changchun and sees its 2020 termination with the protocol", async ({ page }) => {
  await signIn(page, "analyst");
  await expect(page.getByRole("heading", { name: "Avtal", level: 1 })).toBeVisible();
  // The report's 56, and those that specs before this one added.
  const total = page.getByText(/^\d+ avtal$/).first();
  await expect(total).toBeVisible();
  expect(Number((await total.textContent())!.split(" ")[0])).toBeGreaterThanOrEqual(56);
  await page.screenshot({ path: "screenshots/agreements-sv.png", fullPage: true });

  await page.getByRole("link", { name: "Mora" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mora – Changchun");
  await expect(page.getByText("长春市").first()).toBeVisible();

  const termination = page.getByTestId("status-event").filter({ hasText: "Avslutat" });
  await expect(termination).toHaveCount(1);
  await expect(termination).toContainText("14 september 2020");
  await expect(termination).toContainText("Kommunfullmäktige");
  await expect(termination).toContainText("§158");
  await expect(termination).toContainText("KS 2020/00265-2");
  await expect(termination).toContainText("Mänskliga rättigheter och demokrati i Kina");
  await page.screenshot({ path: "screenshots/agreement-mora-sv.png", fullPage: true });
});
