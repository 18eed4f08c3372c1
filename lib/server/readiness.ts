import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AttachmentStorage } from "../attachments/storage";

// What /api/ready reports: each check's outcome and time, never a connection string or an
// error message (those go to the log).

export interface Check {
  ok: boolean;
  ms: number;
  detail?: string;
}
export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; storage: Check };
}

const PROBE_KEY = "health/readiness-probe";
/** A store that does not answer in time is not ready (an unreachable endpoint can hang a request for minutes). */
const PROBE_TIMEOUT_MS = Number(process.env.READY_TIMEOUT_MS || 3000);

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function timed(fn: () => Promise<string | undefined>, onError: (error: unknown) => void): Promise<Check> {
  const started = Date.now();
  try {
    const detail = await fn();
    return { ok: true, ms: Date.now() - started, ...(detail ? { detail } : {}) };
  } catch (error) {
    onError(error);
    return { ok: false, ms: Date.now() - started };
  }
}

/** The newest migration in drizzle/ (its `when`), as drizzle-kit wrote the journal. */
export function expectedMigration(folder = path.join(process.cwd(), "drizzle")): { count: number; lastWhen: number } {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return { count: journal.entries.length, lastWhen: Math.max(...journal.entries.map((e) => e.when)) };
}

export async function checkReadiness(
  deps: { db: () => Promise<Db>; storage: () => AttachmentStorage; migrationsFolder?: string },
  onError: (check: string, error: unknown) => void = () => {},
): Promise<Readiness> {
  const database = await timed(async () => {
    const db = await deps.db();
    await db.execute(sql`SELECT 1`);
    return undefined;
  }, (e) => onError("database", e));
  const migrations = database.ok
    ? await timed(async () => {
        const expected = expectedMigration(deps.migrationsFolder);
        const [row] = await queryRows<{ count: number; last: string | number | null }>(
          await deps.db(),
          sql`SELECT count(*)::int AS count, max(created_at) AS last FROM drizzle.__drizzle_migrations`,
        );
        const applied = row?.count ?? 0;
        if (Number(row?.last ?? 0) < expected.lastWhen) throw new Error(`database has ${applied} migrations, the app expects ${expected.count}`);
        return `${applied}/${expected.count}`;
      }, (e) => onError("migrations", e))
    : { ok: false, ms: 0 };
  // Two real round trips to the store, each within PROBE_TIMEOUT_MS: the bucket (or folder) is
  // there and may be written (check(): HeadBucket, or the folder's write permission), and a read
  // of a key that never exists answers "nothing there" (GetObject: 404, not 403). A read alone
  // would pass on a missing bucket: S3 answers 404 (NoSuchBucket) for that too.
  const storage = await timed(async () => {
    const store = deps.storage();
    await withTimeout(store.check(), "storage check");
    await withTimeout(store.get(PROBE_KEY), "storage read");
    return undefined;
  }, (e) => onError("storage", e));
  return { ready: database.ok && migrations.ok && storage.ok, checks: { database, migrations, storage } };
}
