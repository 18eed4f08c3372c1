import { expect, signIn, storageStateFor, test, type AccountRole } from "./fixtures";

// Each role signs in through the real form and sees what it may do: the admin reaches the
// administration; everyone else gets the 403 page there, and the API refuses them with 403 JSON.

const EXPECTED: Record<AccountRole, { roleText: RegExp; admin: boolean }> = {
  admin: { roleText: /Administratör/, admin: true },
  analyst: { roleText: /Analytiker/, admin: false },
  reviewer: { roleText: /Granskare/, admin: false },
  official: { roleText: /Kommunal tjänsteperson, Bengtsfors/, admin: false },
};

for (const role of Object.keys(EXPECTED) as AccountRole[]) {
  const { roleText, admin } = EXPECTED[role];

  test(`${role} signs in through the form and ${admin ? "reaches" : "is refused"} the administration`, async ({ page }) => {
    await signIn(page, role);
    await page.waitForURL(role === "official" ? "**/home" : "**/agreements");
    const header = page.getByRole("banner");
    await expect(header).toContainText(roleText);
    await expect(page.getByRole("heading", { name: role === "official" ? "Mina avtal" : "Avtal", level: 1 })).toBeVisible();
    const adminLink = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" });

    if (admin) {
      await adminLink.click();
      await expect(page).toHaveURL(/\/admin\/users$/);
      await expect(page.getByRole("heading", { name: "Användare", level: 1 })).toBeVisible();
      await expect(page.getByRole("table", { name: "Användare" })).toContainText("granskare@demo.avtalsregistret.se");
      await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Granskningslogg" }).click();
      await expect(page.getByRole("heading", { name: "Granskningslogg", level: 1 })).toBeVisible();
      // The sign-in just made is in the log.
      await expect(page.getByTestId("audit-row").filter({ hasText: "Inloggning" }).first()).toBeVisible();
    } else {
      await expect(adminLink).toHaveCount(0);
      for (const path of ["/admin/users", "/admin/users/new", "/admin/audit"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "Åtkomst nekad", level: 1 })).toBeVisible();
        await expect(page.getByText(/^Bara administratörer kan (hantera konton|läsa granskningsloggen)\.$/)).toBeVisible();
        await expect(page.getByRole("table")).toHaveCount(0);
      }
      if (role === "analyst") await page.screenshot({ path: "screenshots/forbidden-403-sv.png", fullPage: true });
      await page.getByRole("link", { name: "Till avtalen" }).click();
      await expect(page).toHaveURL(/\/agreements$/);
    }
  });
}

test.describe("a direct request by a role that may not do it", () => {
  test.use({ storageState: storageStateFor("reviewer") });

  test("is refused with 403 JSON by the admin API and changes nothing", async ({ page, playwright, baseURL }) => {
    const email = `sneaky-${Date.now()}@example.se`;
    const attempt = await page.request.post("/api/admin/users", {
      headers: { origin: baseURL! },
      data: { name: "Sneaky", email, password: "a-long-enough-password", roles: ["admin"] },
    });
    expect(attempt.status()).toBe(403);
    expect(await attempt.json()).toMatchObject({ error: "forbidden" });

    const list = await page.request.get("/api/admin/users");
    expect(list.status()).toBe(403);
    const audit = await page.request.get("/api/admin/audit");
    expect(audit.status()).toBe(403);

    // The admin sees that no such account exists, through the API and the page.
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
    const users = (await (await admin.get("/api/admin/users")).json()) as { users: { email: string }[] };
    expect(users.users.map((u) => u.email)).not.toContain(email);
    await admin.dispose();
  });

  test("is refused with 403 by a server action and changes nothing", async ({ page, browser, baseURL }) => {
    // The admin's own form shows which server action creates users (its id travels in a header).
    const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
    const adminPage = await adminContext.newPage();
    await adminPage.goto("/admin/users/new");
    const legitEmail = `via-form-${Date.now()}@example.se`;
    await adminPage.getByLabel("Namn").fill("Via Formuläret");
    await adminPage.getByLabel("E-postadress", { exact: true }).fill(legitEmail);
    await adminPage.getByLabel("Startlösenord").fill("a-long-enough-password");
    await adminPage.getByRole("checkbox", { name: "Analytiker" }).check();
    const [actionRequest] = await Promise.all([
      adminPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      adminPage.getByRole("button", { name: "Skapa användare" }).click(),
    ]);
    await expect(adminPage).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
    const actionId = actionRequest.headers()["next-action"]!;
    const body = actionRequest.postData()!;

    // The reviewer replays it, as their own session, for another email.
    const sneakyEmail = `replayed-${Date.now()}@example.se`;
    const replay = await page.request.post("/admin/users/new", {
      headers: {
        "next-action": actionId,
        "content-type": actionRequest.headers()["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: baseURL!,
      },
      data: body.replace(legitEmail, sneakyEmail),
    });
    expect(replay.status()).toBe(403);

    // The same replay with the admin's session works: the refusal above was the permission, not the replay.
    const controlEmail = `replayed-by-admin-${Date.now()}@example.se`;
    const control = await adminContext.request.post("/admin/users/new", {
      headers: { "next-action": actionId, "content-type": actionRequest.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseURL! },
      data: body.replace(legitEmail, controlEmail),
    });
    expect(control.status()).toBe(200);

    await adminPage.goto("/admin/users");
    const table = adminPage.getByRole("table", { name: "Användare" });
    await expect(table).toContainText(legitEmail);
    await expect(table).toContainText(controlEmail);
    await expect(table).not.toContainText(sneakyEmail);
    await adminContext.close();
  });
});

test("an API request without a session gets 401 JSON, and a page sends to sign-in", async ({ request, page }) => {
  const response = await request.get("/api/admin/users");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sign in first." });
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit/);
});
