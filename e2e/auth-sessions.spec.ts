import type { APIRequestContext } from "@playwright/test";
import { expect, storageStateFor, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";

async function signInRaw(request: APIRequestContext, email: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  const cookie = (await request.storageState()).cookies.find((c) => c.name.includes("authjs.session-token"));
  expect(cookie).toBeTruthy();
  return { csrfToken, cookie: `${cookie!.name}=${cookie!.value}` };
}

test("a copied session cookie stops working after sign-out, on pages, the API and /api/auth/session; a deactivated account's too", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const email = `copied-${Date.now()}@example.se`;
  const created = await admin.post("/api/admin/users", { data: { name: "Kopierad Kaka", email, password: PASSWORD, roles: ["analyst"] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const browser = await playwright.request.newContext({ baseURL });
  const { csrfToken, cookie } = await signInRaw(browser, email);
  const thief = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  expect(((await (await thief.get("/api/auth/session")).json()) as { user: { email: string } }).user.email).toBe(email);
  expect((await thief.get("/api/agreements/export?format=json")).status()).toBe(200);

  const out = await browser.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBe(302);

  expect(await (await thief.get("/api/auth/session")).json()).toBeNull();
  expect((await thief.get("/api/agreements/export?format=json")).status()).toBe(401);
  const page = await thief.get("/agreements", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toMatch(/\/login/);
  await browser.dispose();
  await thief.dispose();

  // Signed in again, then deactivated by an admin: /api/auth/session no longer reports the account.
  const again = await playwright.request.newContext({ baseURL });
  await signInRaw(again, email);
  expect(((await (await again.get("/api/auth/session")).json()) as { user: { email: string } }).user.email).toBe(email);
  expect((await admin.post(`/api/admin/users/${id}/deactivate`, { data: { reason: "e2e" } })).status()).toBe(200);
  expect(await (await again.get("/api/auth/session")).json()).toBeNull();
  expect((await again.get("/api/agreements/export?format=json")).status()).toBe(401);
  await again.dispose();
  await admin.dispose();
});

test("sign-in never redirects to another site, whatever the callbackUrl hides", async ({ page, playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const callbackUrl of ["/\t/evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: "analytiker@demo.avtalsregistret.se", password: "avtal-demo-2026", csrfToken, callbackUrl },
      maxRedirects: 0,
    });
    expect(new URL(response.headers()["location"]!, baseURL).host, callbackUrl).toBe(new URL(baseURL!).host);
  }
  await request.dispose();

  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
  await page.getByLabel("E-postadress", { exact: true }).fill("analytiker@demo.avtalsregistret.se");
  await page.getByLabel("Lösenord", { exact: true }).fill("avtal-demo-2026");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL("**/agreements");
  expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
});
