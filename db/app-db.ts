import { env } from "../lib/env";
import { onShutdown } from "../lib/server/lifecycle";
import { openDatabase, migrateDatabase, whileHoldingStartupLock, type DbHandle } from "./client";
import { seedDatabase, type SeedReport } from "./seed";

// The app's one database handle, cached on globalThis so that dev reloads reuse it
// (a PGlite folder may be open in one place only). A failed start is not remembered:
// the next call tries again.

interface AppDbState {
  ready?: Promise<DbHandle>;
  seedReport?: SeedReport;
}
const state: AppDbState = ((globalThis as { __avtalsregistretDb?: AppDbState }).__avtalsregistretDb ??= {});

async function start(purpose: string): Promise<DbHandle> {
  const e = env();
  const handle = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: e.pgliteDir, purpose });
  try {
    // Several instances starting at once on one PostgreSQL take turns (PGlite: one process anyway).
    await whileHoldingStartupLock(handle, async () => {
      await migrateDatabase(handle);
      state.seedReport = await seedDatabase(handle.db, { demoUsers: e.demoMode });
    });
    // Registered first, so it runs last: after the hooks that still need the database.
    onShutdown("database", () => handle.close());
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** The app's database, opened, migrated and seeded on first use; `purpose` names a script in the folder's lock. */
export function appDatabase(purpose = "app"): Promise<DbHandle> {
  if (!state.ready) {
    state.ready = start(purpose).catch((error: unknown) => {
      state.ready = undefined;
      throw error;
    });
  }
  return state.ready;
}

export async function getDb() {
  return (await appDatabase()).db;
}

export function lastSeedReport(): SeedReport | undefined {
  return state.seedReport;
}
