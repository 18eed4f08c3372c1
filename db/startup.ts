import { attachmentStorage } from "../lib/attachments/storage";
import { scheduleOrphanSweep } from "../lib/attachments/sweep";
import { env } from "../lib/env";
import { resolveAuthSecret } from "../lib/auth/secret";
import { publicationVersion } from "../lib/public/cache";
import { resumeCampaignReminders } from "../lib/campaigns/remind";
import { systemClock } from "../lib/campaigns/clock";
import { resumeImportJobs } from "../lib/import/jobs";
import { countActiveAdmins, createFirstAdmin } from "../lib/users/first-admin";
import { currentJobs, startJobs } from "../lib/jobs";
import { registerAppJobs } from "../lib/jobs/handlers";
import { onShutdown } from "../lib/server/lifecycle";
import { appDatabase, lastSeedReport } from "./app-db";
import { serveControlSocket } from "./control-socket";
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
  lines.push(...(await firstAdmin(handle.db)));
  lines.push(await startBackgroundJobs(handle));
  // The production server's response cache of the public pages keys on it (scripts/lib/page-cache.mjs).
  (globalThis as Record<symbol, unknown>)[Symbol.for("avtalsregistret.publicationVersion")] = () => publicationVersion(handle.db);
  const resumed = await resumeImportJobs(handle);
  if (resumed > 0) lines.push(`[avtalsregistret] ${resumed} interrupted import(s) queued again (they had written nothing)`);
  console.log(lines.join("\n"));
  scheduleOrphanSweep(handle.db, attachmentStorage());
  // npm run backup asks the process that holds the embedded folder (db/control-socket.ts).
  if (handle.driver === "pglite") {
    await serveControlSocket(e.pgliteDir, handle.db).catch((error: unknown) =>
      console.warn(`[avtalsregistret] warning: no control socket for npm run backup: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

/** The job queue's workers (e-mail delivery, schedules), stopped gracefully on SIGTERM. */
async function startBackgroundJobs(handle: Awaited<ReturnType<typeof appDatabase>>): Promise<string> {
  registerAppJobs();
  if (!currentJobs()) await startJobs(handle);
  const campaigns = await resumeCampaignReminders(handle.db, systemClock);
  if (campaigns > 0) console.log(`[avtalsregistret] ${campaigns} open campaign(s) got their reminder job`);
  onShutdown("jobs", async () => {
    await currentJobs()?.stop();
  });
  return env().SMTP_URL
    ? "[avtalsregistret] e-mail: delivered over SMTP_URL by the job queue"
    : "[avtalsregistret] e-mail: no SMTP_URL, so messages stay in Administration → Outbox (/admin/outbox)";
}

/** ADMIN_EMAIL + ADMIN_PASSWORD create the first administrator; without any admin, say how to make one. */
async function firstAdmin(db: Awaited<ReturnType<typeof appDatabase>>["db"]): Promise<string[]> {
  const e = env();
  if (e.ADMIN_EMAIL || e.ADMIN_PASSWORD) {
    if (!e.ADMIN_EMAIL || !e.ADMIN_PASSWORD) {
      throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD must be set together to create the first administrator.");
    }
    const outcome = await createFirstAdmin(
      db,
      { email: e.ADMIN_EMAIL, name: e.ADMIN_NAME || e.ADMIN_EMAIL.split("@")[0]!, password: e.ADMIN_PASSWORD },
      "environment",
    );
    if (outcome.status === "created") return [`[avtalsregistret] administrator ${e.ADMIN_EMAIL} created from ADMIN_EMAIL/ADMIN_PASSWORD`];
    return [
      outcome.isAdmin
        ? `[avtalsregistret] ADMIN_EMAIL ${e.ADMIN_EMAIL} already has an account; left unchanged (its password is not reset from ADMIN_PASSWORD)`
        : `[avtalsregistret] warning: ADMIN_EMAIL ${e.ADMIN_EMAIL} belongs to an account that is not an active administrator; left unchanged`,
    ];
  }
  if ((await countActiveAdmins(db)) === 0) {
    return [
      "[avtalsregistret] no administrator yet: run `npm run create-admin -- --email you@example.se --name \"Your Name\"`",
      "                  or start once with ADMIN_EMAIL and ADMIN_PASSWORD set",
    ];
  }
  return [];
}

/** announceStartup, or the reason on stderr and exit code 1: a server that cannot work should not pretend to. */
export async function startOrExit(): Promise<void> {
  try {
    await announceStartup();
  } catch (error) {
    console.error(`\n[avtalsregistret] cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
