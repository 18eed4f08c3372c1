import { randomBytes } from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { migrateDatabase, openDatabase, type Db, type DbHandle, type Driver } from "./client";

// Integration tests run against a fresh database per test file: an in-memory PGlite always,
// and a throw-away database on the PostgreSQL server when one is reachable.

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** A PostgreSQL database with every migration applied, to copy (CREATE DATABASE … TEMPLATE). */
    postgresTemplate: string | null;
    /** A file with a migrated PGlite folder (dumpDataDir), to start each in-memory database from. */
    pgliteImage: string | null;
  }
}

export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

export function testDrivers(): Driver[] {
  return inject("postgresUrl") ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh database of this driver, migrated (or left empty with `migrate: false`); close() drops it. */
export async function openTestDatabase(driver: Driver, { migrate = true }: { migrate?: boolean } = {}): Promise<DbHandle> {
  // Migrated copies of what db/testing.global-setup.ts migrated once, rather than migrating
  // every file's database again (seconds each, on PGlite). Migrations themselves are tested on
  // databases opened with `migrate: false`.
  const image = migrate ? inject("pgliteImage") : null;
  const template = migrate ? inject("postgresTemplate") : null;
  if (driver === "pglite") {
    const handle = await openDatabase({ dataDir: null, image: image ? new Blob([fs.readFileSync(image)]) : undefined });
    if (migrate) await migrateDatabase(handle);
    return handle;
  }
  const serverUrl = inject("postgresUrl");
  if (!serverUrl) throw new Error("No PostgreSQL server for tests");
  const name = `avtal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  if (migrate) await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Declares the same tests once per available driver, each with its own fresh, migrated
 * database for the whole describe block.
 */
export function describeEachDriver(
  name: string,
  body: (db: () => Db, driver: Driver, handle: () => DbHandle) => void,
  drivers: Driver[] = testDrivers(),
): void {
  for (const driver of drivers) {
    describe(`${name} [${driver}]`, () => {
      let handle: DbHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(driver);
      }, 60_000);
      afterAll(async () => {
        await handle?.close();
      });
      const current = () => {
        if (!handle) throw new Error("database not open");
        return handle;
      };
      body(() => current().db, driver, current);
    });
  }
}

/** The database's own message for a failed query (drizzle wraps it in "Failed query: ..."). */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error("expected the database to refuse the statement, but it succeeded");
}
