import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

// Public reads are cached per process, keyed by the publication version: one counter row that
// the database bumps in the same transaction as any change of published data (migration
// "publication_version"). Every request reads the counter (one primary-key lookup), so a change
// written through any instance is served by every instance from its next request on: nothing
// here can outlive a change. Concurrent misses for one key share one computation.
// Why that is enough: the counter is bumped in the writing transaction itself, so once a request
// reads version v, every change up to v is committed and visible to the queries that follow; an
// entry is computed after its version was read, so it holds at least the data of that version.
// Pages are rendered per request (their CSP nonce is per request): only data are cached here.

const MAX_ENTRIES = 2000;

interface Entry {
  version: number;
  value: Promise<unknown>;
}

interface CacheState {
  /** Per database handle (tests open several in one process). */
  byDb: WeakMap<Db, Map<string, Entry>>;
  hits: number;
  misses: number;
}
const state: CacheState = ((globalThis as { __avtalPublicCache?: CacheState }).__avtalPublicCache ??= { byDb: new WeakMap(), hits: 0, misses: 0 });

function entriesOf(db: Db): Map<string, Entry> {
  let entries = state.byDb.get(db);
  if (!entries) state.byDb.set(db, (entries = new Map()));
  return entries;
}

export async function publicationVersion(db: Db): Promise<number> {
  const [row] = await queryRows<{ version: string | number }>(db, sql`SELECT version FROM publication_state WHERE id = 1`);
  return Number(row?.version ?? 0);
}

/** `compute()` for this version of the published data, computed once per process and version. */
export async function cachedPublic<T>(db: Db, key: string, compute: () => Promise<T>, version?: number): Promise<T> {
  const v = version ?? (await publicationVersion(db));
  const entries = entriesOf(db);
  const hit = entries.get(key);
  // An entry made under a newer version than this request read is at least as fresh as it needs.
  if (hit && hit.version >= v) {
    state.hits++;
    // Refresh its place for the LRU order.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  state.misses++;
  const value = compute();
  entries.set(key, { version: v, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

export function publicCacheStats() {
  return { hits: state.hits, misses: state.misses };
}
