import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockFolder } from "./folder-lock";
import * as schema from "./schema";

// The only module that knows which driver is in use. Everything else takes a `Db`.

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Driver = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
  /** The server URL (postgres) or the embedded instance (pglite), for the job queue (lib/jobs). */
  url?: string;
  pglite?: PGlite;
}

/**
 * A PostgreSQL URL, or a PGlite folder (null: in memory) with what opens it (named in the folder's
 * lock); an in-memory PGlite may start from an image of another's folder.
 */
export type DbTarget = { url: string } | { dataDir: string | null; purpose?: string; image?: Blob };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Opens a database: postgres.js for a URL, embedded PGlite for a folder (or memory, for null). */
export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if ("url" in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, driver: "postgres", url: target.url, close: () => client.end({ timeout: 5 }) };
  }
  if (!target.dataDir) {
    // In memory; from a dump of another instance's folder (PGlite's dumpDataDir) when `image` is given.
    const client = await PGlite.create(target.image ? { loadDataDir: target.image } : {});
    return { db: drizzlePglite(client, { schema }) as unknown as Db, driver: "pglite", pglite: client, close: () => client.close() };
  }
  fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  // One process at a time (db/folder-lock.ts): throws FolderInUseError while another holds it.
  const release = lockFolder(target.dataDir, target.purpose ?? "app");
  let client: PGlite;
  try {
    client = await PGlite.create(target.dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    pglite: client,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Applies every migration in drizzle/ that the database has not seen. */
export async function migrateDatabase(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === "postgres") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrator wants its own driver's type
    await migratePostgres(handle.db as any, config);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(handle.db as any, config);
  }
}

/**
 * Runs `work` (migrations, seeding) while no other process does the same on this PostgreSQL
 * database: a transaction-scoped advisory lock held on one connection of the pool while `work`
 * uses the others, so instances that start together (or a deploy's `npm run db:migrate` next to
 * a starting instance) migrate one after the other. On PGlite the folder lock already serialises.
 */
export async function whileHoldingStartupLock(handle: DbHandle, work: () => Promise<void>): Promise<void> {
  if (handle.driver !== "postgres") return work();
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('avtalsregistret.startup'))`);
    await work();
  });
}

/** Runs raw SQL and returns its rows, whichever driver is in use (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
