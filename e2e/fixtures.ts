import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "avtal-demo-2026";
export const ACCOUNTS = {
  admin: "admin@demo.avtalsregistret.se",
  analyst: "analytiker@demo.avtalsregistret.se",
  reviewer: "granskare@demo.avtalsregistret.se",
  official: "bengtsfors@demo.avtalsregistret.se",
} as const;
export type AccountRole = keyof typeof ACCOUNTS;

export function storageStateFor(role: AccountRole): string {
  return `e2e/.auth/${role}.json`;
}

/** Signs in through the real form. */
export async function signIn(page: Page, role: AccountRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/E-postadress|Email address/).fill(ACCOUNTS[role]);
  await page.getByLabel(/Lösenord|Password/).fill(password);
  await page.getByRole("button", { name: /Logga in|Sign in/ }).click();
}

export const test = base;
export { expect };
