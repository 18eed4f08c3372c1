import { test as setup } from "@playwright/test";
import { ACCOUNTS, signIn, storageStateFor, type AccountRole } from "./fixtures";

// Signs in once per role through the real form and keeps the session for the other specs.
for (const role of Object.keys(ACCOUNTS) as AccountRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    // Officials land on their organisation's agreements; staff on the registry.
    await page.waitForURL(role === "official" ? "**/home" : "**/agreements");
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
