import { desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { dataReleaseFiles, dataReleases } from "@/db/schema";
import { getSetting } from "../settings";
import { cachedPublic, publicationVersion } from "./cache";
import { publicTables } from "./dataset";
import { tableCsv, type DataFile } from "./files";
import { buildBundle, mediaTypeOf } from "./package";

/** The live public tables, read once per publication version. */
function currentTables(db: Db, origin: string, version: number) {
  return cachedPublic(db, `tables:current:${origin}`, () => publicTables(db, origin), version);
}

/** The live data's files (between releases), made once per publication version. */
export async function currentFiles(db: Db, origin: string): Promise<DataFile[]> {
  const version = await publicationVersion(db);
  return cachedPublic(
    db,
    `files:current:${origin}`,
    async () => {
      const [state] = await queryRows<{ changedAt: string }>(db, sql`SELECT changed_at::text AS "changedAt" FROM publication_state WHERE id = 1`);
      const tables = await currentTables(db, origin, version);
      const license = await getSetting(db, "dataLicense");
      return buildBundle(tables, { version: "current", asOf: new Date(state?.changedAt ?? Date.now()), origin, license });
    },
    version,
  );
}

/**
 * One live file. A table's CSV is made from the tables alone, the same bytes as in the bundle
 * (one writer, tableCsv), without waiting for the whole bundle, whose XLSX workbook takes tens of
 * seconds on 100,000 events: right after a change, a CSV download does not wait for Excel.
 */
export async function currentFile(db: Db, origin: string, name: string): Promise<DataFile | null> {
  if (name.endsWith(".csv")) {
    const version = await publicationVersion(db);
    const table = (await currentTables(db, origin, version)).find((t) => `${t.name}.csv` === name);
    if (table) return cachedPublic(db, `files:current:${origin}:${name}`, async () => ({ name, mediaType: mediaTypeOf(name), bytes: tableCsv(table) }), version);
  }
  return (await currentFiles(db, origin)).find((f) => f.name === name) ?? null;
}

export interface ReleaseSummary {
  id: string;
  version: string;
  note: string;
  contentHash: string;
  dataAsOf: Date;
  publishedAt: Date;
  changes: ReleaseChanges;
}

export interface ReleaseChangeItem {
  id: string;
  title: string;
  detail?: string;
}

export interface ReleaseChanges {
  first: boolean;
  agreementsAdded: ReleaseChangeItem[];
  agreementsEdited: ReleaseChangeItem[];
  statusChanges: ReleaseChangeItem[];
  corrections: ReleaseChangeItem[];
  sourcesAdded: ReleaseChangeItem[];
}

const summaryColumns = {
  id: dataReleases.id,
  version: dataReleases.version,
  note: dataReleases.note,
  contentHash: dataReleases.contentHash,
  dataAsOf: dataReleases.dataAsOf,
  publishedAt: dataReleases.publishedAt,
  changes: dataReleases.changes,
};

export async function listReleases(db: Db): Promise<ReleaseSummary[]> {
  return cachedPublic(db, "releases", async () => {
    const rows = await db.select(summaryColumns).from(dataReleases).orderBy(desc(dataReleases.publishedAt), desc(dataReleases.version));
    return rows.map((r) => ({ ...r, changes: r.changes as ReleaseChanges }));
  });
}

export async function getRelease(db: Db, version: string): Promise<(ReleaseSummary & { files: { name: string; mediaType: string; sha256: string; sizeBytes: number }[] }) | null> {
  if (!/^\d{4}\.\d{1,4}$/.test(version)) return null;
  return cachedPublic(db, `release:${version}`, async () => {
    const [r] = await db.select(summaryColumns).from(dataReleases).where(eq(dataReleases.version, version));
    if (!r) return null;
    const files = await db
      .select({ name: dataReleaseFiles.name, mediaType: dataReleaseFiles.mediaType, sha256: dataReleaseFiles.sha256, sizeBytes: dataReleaseFiles.sizeBytes })
      .from(dataReleaseFiles)
      .where(eq(dataReleaseFiles.releaseId, r.id))
      .orderBy(dataReleaseFiles.name);
    return { ...r, changes: r.changes as ReleaseChanges, files };
  });
}

/** One file of a release, byte for byte as it was published. Releases never change, so this needs no version check. */
export async function releaseFile(db: Db, version: string, name: string): Promise<(DataFile & { sha256: string }) | null> {
  if (!/^\d{4}\.\d{1,4}$/.test(version) || !/^[\w.-]{1,80}$/.test(name)) return null;
  const [row] = await db
    .select({ name: dataReleaseFiles.name, mediaType: dataReleaseFiles.mediaType, bytes: dataReleaseFiles.bytes, sha256: dataReleaseFiles.sha256 })
    .from(dataReleaseFiles)
    .innerJoin(dataReleases, eq(dataReleases.id, dataReleaseFiles.releaseId))
    .where(sql`${dataReleases.version} = ${version} AND ${dataReleaseFiles.name} = ${name}`);
  return row ?? null;
}
