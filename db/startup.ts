import { env } from "../lib/env";
import { resolveAuthSecret } from "../lib/auth/secret";
import { appDatabase, lastSeedReport } from "./app-db";
import { DEMO_PASSWORD } from "./seed";

/** Opens, migrates and seeds the app's database at server start and prints what a newcomer needs. */
export async function announceStartup(): Promise<void> {
  const e = env();
  resolveAuthSecret(); // fail at start, with a clear message, rather than at the first sign-in
  const started = Date.now();
  const handle = await appDatabase();
  const report = lastSeedReport();
  const where = handle.driver === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${e.pgliteDir}`;
  const lines = [`[avtalsregistret] database: ${where}, ready in ${Date.now() - started} ms`];
  if (report) {
    const i = report.inserted;
    lines.push(
      `[avtalsregistret] seed: ${i.organizations} organisations, ${i.agreements} agreements, ${i.events} status events, ${i.sources} sources, ${i.users} users inserted (0 means already present)`,
    );
    if (report.demoAccounts.length > 0) {
      lines.push(`[avtalsregistret] demo accounts (password "${DEMO_PASSWORD}"):`);
      for (const a of report.demoAccounts) {
        lines.push(`    ${a.role.padEnd(20)} ${a.email}${a.organization ? ` (${a.organization})` : ""}`);
      }
    }
  }
  console.log(lines.join("\n"));
}
