import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
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

export type DbTarget = { url: string } | { dataDir: string | null };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Opens a database: postgres.js for a URL, embedded PGlite for a folder (or memory, for null). */
export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if ("url" in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, driver: "postgres", url: target.url, close: () => client.end({ timeout: 5 }) };
  }
  if (target.dataDir) fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const client = target.dataDir ? await PGlite.create(target.dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, driver: "pglite", pglite: client, close: () => client.close() };
}

/** Applies every migration in drizzle/ that the database has not seen. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.driver === "postgres") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrator wants its own driver's type
    await migratePostgres(handle.db as any, config);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(handle.db as any, config);
  }
}

/** Runs raw SQL and returns its rows, whichever driver is in use (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
