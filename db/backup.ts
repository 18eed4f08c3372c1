import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS_FOLDER, migrateDatabase, queryRows, type Db, type DbHandle } from "./client";

// A logical backup of every table of the public schema (not the job queue's schema pgboss: see
// restoreBackup), the same on PGlite and PostgreSQL: one
// REPEATABLE READ, READ ONLY transaction (so every table is read as of one moment while the app
// keeps writing), each row as PostgreSQL's own to_jsonb, gzipped JSON lines. A restore loads it
// back with jsonb_populate_recordset, which parses every value by its column's type, so dates,
// timestamps (to the microsecond), enums, arrays and jsonb come back exactly. Because it is
// logical, a backup of the embedded database restores into PostgreSQL and back.
//
// Lines: a header {format, version, createdAt, migrations, tables: {name: rows}}, then chunks
// {table, rows: [...]}, then {end: true} (a backup without it is truncated and is refused).

export const BACKUP_FORMAT = "avtalsregistret-backup";
const CHUNK = 500;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  /** The hashes of the migrations the database had, in order. */
  migrations: string[];
  tables: Record<string, number>;
}

async function publicTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((r) => r.name);
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await queryRows<{ t: string | null }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists[0]?.t) return [];
  return (await queryRows<{ hash: string }>(db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at, id`)).map((r) => r.hash);
}

/** Writes a consistent backup of `db` to `out` (gzipped). Returns the header (row counts). */
export async function writeBackup(db: Db, out: Writable): Promise<BackupHeader> {
  const lines: string[] = [];
  const header = await db.transaction(
    async (tx) => {
      const t = tx as unknown as Db;
      const tables = await publicTables(t);
      const counts: Record<string, number> = {};
      const body: string[] = [];
      for (const table of tables) {
        const rows = (await queryRows<{ r: unknown }>(t, sql`SELECT to_jsonb(x) AS r FROM ${sql.identifier(table)} x`)).map((row) => row.r);
        counts[table] = rows.length;
        for (let i = 0; i < rows.length; i += CHUNK) body.push(JSON.stringify({ table, rows: rows.slice(i, i + CHUNK) }));
      }
      const h: BackupHeader = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: await appliedMigrations(t), tables: counts };
      lines.push(JSON.stringify(h), ...body, JSON.stringify({ end: true }));
      return h;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  await pipeline(
    Readable.from((function* () {
      for (const line of lines) yield `${line}\n`;
    })()),
    createGzip(),
    out,
  );
  return header;
}

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

async function* backupLines(input: Readable): AsyncGenerator<unknown> {
  const lines = readline.createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== "") yield JSON.parse(line);
}

/** A migrations folder with only the first `count` migrations of ours, to rebuild the schema the backup was made with. */
function migrationsUpTo(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/**
 * Restores a backup into an empty database: builds the schema the backup was made with (its
 * migrations), loads every row with triggers and foreign-key checks off for the load (the rows
 * were consistent when read; the append-only triggers refuse changes, not this load), sets the
 * sequences past the restored ids, then applies the migrations that came after the backup.
 * Refuses, before creating anything, a database that has tables already, a backup from another
 * or a newer schema, and a truncated or inconsistent backup; the load is one transaction.
 */
export async function restoreBackup(handle: DbHandle, input: Readable): Promise<BackupHeader> {
  const { db } = handle;
  const existing = await publicTables(db);
  if (existing.length > 0 || (await appliedMigrations(db)).length > 0) {
    throw new RestoreRefused(`The target database is not empty (${existing.length} tables): restore into a new, empty database or folder.`);
  }
  // Read and check all of it first (it is a few megabytes), so that a truncated or inconsistent
  // file is refused before anything is created.
  const items: unknown[] = [];
  for await (const item of backupLines(input)) items.push(item);
  const first = items[0] as BackupHeader | undefined;
  if (!first || first.format !== BACKUP_FORMAT || first.version !== 1) throw new RestoreRefused("This file is not an Avtalsregistret backup.");
  const ours = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.hash);
  if (first.migrations.length > ours.length || first.migrations.some((hash, i) => ours[i] !== hash)) {
    throw new RestoreRefused(
      `The backup was made with other migrations than this version has (${first.migrations.length} in the backup, ${ours.length} here): restore it with the version that made it, then upgrade.`,
    );
  }
  const end = items.findIndex((item) => (item as { end?: boolean }).end === true);
  if (end < 0) throw new RestoreRefused("The backup is truncated (no end marker): nothing was restored.");
  const chunks = items.slice(1, end) as { table: string; rows: unknown[] }[];
  const counted: Record<string, number> = {};
  for (const c of chunks) {
    if (!(c.table in first.tables)) throw new RestoreRefused(`The backup has rows for ${c.table}, which its header does not list: nothing was restored.`);
    counted[c.table] = (counted[c.table] ?? 0) + c.rows.length;
  }
  for (const [table, n] of Object.entries(first.tables)) {
    if ((counted[table] ?? 0) !== n) throw new RestoreRefused(`The backup's ${table} has ${counted[table] ?? 0} rows, its header says ${n}: nothing was restored.`);
  }

  const folder = migrationsUpTo(first.migrations.length);
  try {
    await migrateDatabase(handle, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    // Rows that migrations seed themselves (publication_state's singleton) give way to the backup's.
    for (const table of Object.keys(first.tables)) await tx.execute(sql`DELETE FROM ${sql.identifier(table)}`);
    const columns = new Map<string, string[]>();
    for (const { table, rows } of chunks) {
      if (!columns.has(table)) columns.set(table, await insertableColumns(tx as unknown as Db, table));
      const cols = sql.join(columns.get(table)!.map((c) => sql.identifier(c)), sql`, `);
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM jsonb_populate_recordset(NULL::${sql.identifier(table)}, ${JSON.stringify(rows)}::jsonb)`,
      );
    }
    await resetSequences(tx as unknown as Db);
    // The job queue (schema pgboss) is not in a backup: its jobs are pg-boss's own bookkeeping of
    // what the public tables already say (an import job's rows are in import_jobs and run again at
    // start; a message to send is in outbox_messages). A message the backup caught queued or
    // sending names a job that the restored database does not have: it gets none, so the outbox
    // sweep gives it a new one within a minute (a message caught sending may thus go out twice,
    // with the same Message-ID; never not at all).
    await tx.execute(sql`UPDATE outbox_messages SET job_id = NULL, state = 'queued', claimed_at = NULL WHERE state IN ('queued', 'sending')`);
  });
  await migrateDatabase(handle);
  return first;
}

async function insertableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT attname AS name FROM pg_attribute WHERE attrelid = ${`public.${table}`}::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
  );
  if (rows.length === 0) throw new RestoreRefused(`The backup has rows for ${table}, which this schema does not have.`);
  return rows.map((r) => r.name);
}

/** Every sequence owned by a column (serial, identity) continues after the largest restored value. */
async function resetSequences(db: Db): Promise<void> {
  const owned = await queryRows<{ seq: string; tbl: string; col: string }>(
    db,
    sql`SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
        FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const o of owned) {
    await db.execute(
      sql`SELECT setval(${o.seq}::regclass, COALESCE((SELECT max(${sql.identifier(o.col)}) FROM ${sql.identifier(o.tbl)}), 1), (SELECT count(*) > 0 FROM ${sql.identifier(o.tbl)}))`,
    );
  }
}
