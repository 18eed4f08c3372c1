import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Two instances of the built app on one PostgreSQL (scripts/two-instances.mjs): npm run test:instances.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const readyPort = Number(process.env.INSTANCES_READY_PORT ?? 3183);

export default defineConfig({
  testDir: "e2e-instances",
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  use: {
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    launchOptions: chromiumPath ? { executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] } : {},
  },
  webServer: {
    command: "node scripts/two-instances.mjs",
    url: `http://127.0.0.1:${readyPort}/`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    // SIGTERM, so that the script stops the instances and drops its database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
