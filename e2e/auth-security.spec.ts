import { expect, storageStateFor, test } from "./fixtures";

test("every page carries the security headers, and the app works under its Content Security Policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(e.message));

  const login = await page.goto("/login");
  const headers = login!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // A fresh nonce for each response.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);

  // Client-side validation, sign-in, navigation and the language switch all need scripts to run.
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Ange din e-postadress.")).toBeVisible();
  await page.getByLabel("E-postadress", { exact: true }).fill("analytiker@demo.avtalsregistret.se");
  await page.getByLabel("Lösenord", { exact: true }).fill("avtal-demo-2026");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL("**/agreements");
  await page.getByRole("link", { name: "Mora" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mora");
  await page.getByLabel("Språk").selectOption("en");
  await expect(page.getByRole("link", { name: "Agreements", exact: true })).toBeVisible();
  await page.getByLabel("Language").selectOption("sv");
  await expect(page.getByRole("link", { name: "Avtal", exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cross-site POST to the API is refused before it is looked at", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const response = await admin.post("/api/admin/users", {
    headers: { origin: "https://evil.example" },
    data: { name: "CSRF", email: `csrf-${Date.now()}@example.se`, password: "a-long-enough-password", roles: ["admin"] },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: "forbidden", message: "Cross-site request refused." });
  await admin.dispose();
});

test("repeated wrong passwords lock the account, even for the right password, with a message that reveals nothing", async ({ page, playwright, baseURL }) => {
  const email = `locked-${Date.now()}@example.se`;
  const password = "the-right-password-1";
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  expect((await admin.post("/api/admin/users", { data: { name: "Låst", email, password, roles: ["reviewer"] } })).status()).toBe(201);

  await page.goto("/login");
  const attempt = async (pw: string) => {
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Lösenord", { exact: true }).fill(pw);
    await page.getByRole("button", { name: "Logga in" }).click();
  };
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 4; i++) {
    await attempt(`wrong-${i}`);
    await expect(alert).toHaveText("Fel e-postadress eller lösenord.");
  }
  await attempt("wrong-5");
  await expect(alert).toHaveText("För många misslyckade inloggningsförsök. Vänta en stund och försök igen.");
  await attempt(password);
  await expect(alert).toHaveText("För många misslyckade inloggningsförsök. Vänta en stund och försök igen.");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "screenshots/login-locked-sv.png", fullPage: true });

  // The lockout is in the audit log.
  const audit = (await (await admin.get(`/api/admin/audit?action=auth.lockout&q=${encodeURIComponent(email)}`)).json()) as { rows: unknown[] };
  expect(audit.rows).toHaveLength(1);
  await admin.dispose();
});
