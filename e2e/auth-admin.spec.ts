import { expect, storageStateFor, test } from "./fixtures";

// An administrator manages accounts through the pages; every change lands in the audit log.
// The accounts are created here (unique emails), so other specs' demo accounts are untouched.

test.use({ storageState: storageStateFor("admin") });

test("creates users with roles, refusing bad input field by field and keeping what was typed", async ({ page }) => {
  const stamp = Date.now();
  await page.goto("/admin/users");
  await page.screenshot({ path: "screenshots/admin-users-sv.png", fullPage: true });
  await page.getByRole("link", { name: "Ny användare" }).click();
  await expect(page.getByRole("heading", { name: "Skapa användare", level: 1 })).toBeVisible();

  // Nothing filled in: every field says what is missing.
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByText("Ange ett namn.")).toBeVisible();
  await expect(page.getByText("Ange en e-postadress.")).toBeVisible();
  await expect(page.getByText("Lösenordet måste ha minst 12 tecken.")).toBeVisible();
  await expect(page.getByText("Välj minst en roll.")).toBeVisible();

  // An official without an organisation is refused; the organisation picker appears for the role.
  const name = page.getByLabel("Namn");
  await name.fill("Maja Tjänsteperson");
  await page.getByLabel("E-postadress", { exact: true }).fill(`maja-${stamp}@example.se`);
  await page.getByLabel("Startlösenord").fill("ett-långt-lösenord");
  await page.getByRole("checkbox", { name: "Kommunal tjänsteperson" }).check();
  await page.getByRole("checkbox", { name: "Analytiker" }).check();
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByText("Administratör och kommunal tjänsteperson kan inte kombineras med andra roller.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Analytiker" }).uncheck();
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByText("En kommunal tjänsteperson måste höra till en organisation.")).toBeVisible();
  await expect(name).toHaveValue("Maja Tjänsteperson");
  await page.screenshot({ path: "screenshots/admin-new-user-errors-sv.png", fullPage: true });

  // The organisation is the same searchable picker as elsewhere: lower case without accents finds it.
  const organization = page.getByRole("combobox", { name: "Organisation" });
  await organization.fill("mora");
  await page.getByRole("option", { name: /^Mora/ }).click();
  await expect(organization).toHaveValue("Mora");
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Användaren har skapats." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Maja Tjänsteperson", level: 1 })).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("Kommunal tjänsteperson");
  await expect(page.locator("dl.facts")).toContainText("Mora");

  // The same email twice is refused by the server, next to the field.
  await page.goto("/admin/users/new");
  await page.getByLabel("Namn").fill("Dubblett");
  await page.getByLabel("E-postadress", { exact: true }).fill(`MAJA-${stamp}@example.se`);
  await page.getByLabel("Startlösenord").fill("ett-långt-lösenord");
  await page.getByRole("checkbox", { name: "Granskare" }).check();
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByText("Det finns redan ett konto med den e-postadressen.")).toBeVisible();

  // Analyst and reviewer together.
  await page.getByLabel("E-postadress", { exact: true }).fill(`dubbel-${stamp}@example.se`);
  await page.getByRole("checkbox", { name: "Analytiker" }).check();
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("heading", { name: "Dubblett", level: 1 })).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("Analytiker, Granskare");
});

test("changes roles and deactivates: either ends the user's sessions at once, keeps history, and can be reactivated", async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `ida-${stamp}@example.se`;
  const password = "ida-har-ett-langt-losenord";
  const created = await page.request.post("/api/admin/users", { data: { name: "Ida Analytiker", email, password, roles: ["analyst"] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // Ida signs in, in her own browser.
  const idaContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const ida = await idaContext.newPage();
  await ida.goto("/login");
  await ida.getByLabel("E-postadress", { exact: true }).fill(email);
  await ida.getByLabel("Lösenord", { exact: true }).fill(password);
  await ida.getByRole("button", { name: "Logga in" }).click();
  await ida.waitForURL("**/agreements");
  await expect(ida.getByRole("banner")).toContainText("Analytiker");

  // The admin makes her a reviewer too.
  await page.goto(`/admin/users/${id}`);
  const rolesForm = page.getByRole("form", { name: "Ändra roller" });
  await rolesForm.getByRole("checkbox", { name: "Granskare" }).check();
  await rolesForm.getByRole("button", { name: "Spara roller" }).click();
  await expect(rolesForm.getByRole("status")).toHaveText("Rollerna har sparats.");
  await expect(page.locator("dl.facts")).toContainText("Analytiker, Granskare");
  // A role change ends her sessions: she signs in again and has the new roles.
  await ida.reload();
  await expect(ida).toHaveURL(/\/login/);
  await ida.getByLabel("E-postadress", { exact: true }).fill(email);
  await ida.getByLabel("Lösenord", { exact: true }).fill(password);
  await ida.getByRole("button", { name: "Logga in" }).click();
  await ida.waitForURL("**/agreements");
  await expect(ida.getByRole("banner")).toContainText("Analytiker, Granskare");

  // Deactivated with a reason: her next request sends her to sign-in, and signing in fails.
  const access = page.getByRole("form", { name: "Åtkomst" });
  await access.getByLabel("Anledning (valfri)").fill("Slutat på NKK");
  // First a confirmation that names her, with Cancel focused; cancelling changes nothing.
  await access.getByRole("button", { name: "Inaktivera kontot" }).click();
  const confirm = page.getByRole("dialog", { name: "Inaktivera kontot för Ida Analytiker?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`Ida Analytiker (${email}) kan inte logga in längre`);
  await expect(confirm).toContainText("Anledning i granskningsloggen: Slutat på NKK");
  await expect(confirm.getByRole("button", { name: "Avbryt" })).toBeFocused();
  await confirm.getByRole("button", { name: "Avbryt" }).click();
  await expect(confirm).toBeHidden();
  const stillActive = (await (await page.request.get(`/api/admin/users/${id}`)).json()) as { user: { active: boolean } };
  expect(stillActive.user.active).toBe(true);
  await ida.reload();
  await expect(ida).toHaveURL(/\/agreements/);
  // Confirmed: deactivated.
  await access.getByRole("button", { name: "Inaktivera kontot" }).click();
  await confirm.getByRole("button", { name: "Inaktivera kontot" }).click();
  await expect(access.getByRole("status")).toHaveText("Kontot har inaktiverats.");
  await expect(page.getByText("Inaktiverad").first()).toBeVisible();
  await expect(page.getByTestId("audit-row").filter({ hasText: "Konto inaktiverat" })).toContainText("Anledning: Slutat på NKK");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Roller ändrade" })).toContainText("Analytiker → Analytiker, Granskare");
  await page.screenshot({ path: "screenshots/admin-user-detail-sv.png", fullPage: true });

  await ida.goto("/agreements");
  await expect(ida).toHaveURL(/\/login/);
  await ida.getByLabel("E-postadress", { exact: true }).fill(email);
  await ida.getByLabel("Lösenord", { exact: true }).fill(password);
  await ida.getByRole("button", { name: "Logga in" }).click();
  await expect(ida.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");

  // Reactivated: she signs in again with her roles.
  await access.getByRole("button", { name: "Återaktivera kontot" }).click();
  await expect(access.getByRole("status")).toHaveText("Kontot har återaktiverats.");
  await ida.getByRole("button", { name: "Logga in" }).click();
  await ida.waitForURL("**/agreements");
  await ida.getByRole("button", { name: "Logga ut" }).click();
  await ida.waitForURL("**/login");
  await idaContext.close();
  await page.reload();
  await expect(page.getByTestId("audit-row").first()).toContainText("Utloggning");
});

test("an admin cannot deactivate themselves or take away their own admin role", async ({ page }) => {
  const me = (await (await page.request.get("/api/admin/users")).json()) as { users: { id: string; email: string }[] };
  const self = me.users.find((u) => u.email === "admin@demo.avtalsregistret.se")!;
  await page.goto(`/admin/users/${self.id}`);
  const access = page.getByRole("form", { name: "Åtkomst" });
  await access.getByRole("button", { name: "Inaktivera kontot" }).click();
  await page.getByRole("dialog", { name: "Inaktivera kontot för Demo Admin?" }).getByRole("button", { name: "Inaktivera kontot" }).click();
  await expect(access.getByRole("alert")).toHaveText("Du kan inte inaktivera ditt eget konto.");
  const rolesForm = page.getByRole("form", { name: "Ändra roller" });
  await rolesForm.getByRole("checkbox", { name: "Administratör" }).uncheck();
  await rolesForm.getByRole("checkbox", { name: "Analytiker" }).check();
  await rolesForm.getByRole("button", { name: "Spara roller" }).click();
  await expect(rolesForm.getByRole("alert")).toHaveText("Rätta de markerade fälten.");
  await expect(rolesForm.getByText("Du kan inte ta bort din egen administratörsroll.")).toBeVisible();
});

test("the audit log lists and filters sign-ins, failures and account changes", async ({ page, browser }) => {
  // A failed sign-in from another browser, for an email nobody has.
  const nobody = `nobody-${Date.now()}@example.se`;
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/login");
  await strangerPage.getByLabel("E-postadress", { exact: true }).fill(nobody);
  await strangerPage.getByLabel("Lösenord", { exact: true }).fill("guessing-1234");
  await strangerPage.getByRole("button", { name: "Logga in" }).click();
  await expect(strangerPage.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  await stranger.close();

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Granskningslogg", level: 1 })).toBeVisible();
  await page.getByLabel("Händelse").selectOption({ label: "Konto skapat" });
  await page.getByRole("button", { name: "Filtrera" }).click();
  await expect(page).toHaveURL(/action=user.create/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Konto skapat");

  await page.getByLabel("Händelse").selectOption({ label: "Misslyckad inloggning" });
  await page.getByLabel("E-post eller IP-adress").fill(nobody.toUpperCase());
  await page.getByRole("button", { name: "Filtrera" }).click();
  // The email as typed, and the reason, which only admins see.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("okänd e-postadress");
  await expect(rows.first()).toContainText(nobody);

  await page.getByRole("link", { name: "Rensa" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await page.screenshot({ path: "screenshots/admin-audit-sv.png", fullPage: true });

  await page.goto("/admin/audit?from=2026-99-99");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Filtret är ogiltigt och har ignorerats.");
});

test("the administration speaks English too", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" })).toContainText("Municipal official");
  await page.goto("/admin/audit?action=auth.sign_in");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toContainText("Sign-in");
  await page.screenshot({ path: "screenshots/admin-audit-en.png", fullPage: true });
});
