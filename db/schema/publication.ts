import { sql } from "drizzle-orm";
import { bigint, check, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Who may see a source: everyone, staff only, or everyone but only as its kind and year. */
export const SOURCE_VISIBILITIES = ["public", "internal", "confidential"] as const;
export type SourceVisibility = (typeof SOURCE_VISIBILITIES)[number];
export const sourceVisibility = pgEnum("source_visibility", SOURCE_VISIBILITIES);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * One row: a counter that every change of published data bumps in its own transaction (a
 * statement trigger, see the migration "publication_version"), so that every app instance can
 * tell with one primary-key read whether what it cached is still current.
 */
export const publicationState = pgTable("publication_state", {
  id: integer("id").primaryKey().default(1),
  version: bigint("version", { mode: "number" }).notNull().default(1),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A numbered open-data release: an immutable snapshot of every public table. Append-only. */
export const dataReleases = pgTable(
  "data_releases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "2026.1": year, then the release's number within the year. */
    version: text("version").notNull().unique(),
    note: text("note").notNull(),
    /** What changed since the previous release, computed from the history when it was published. */
    changes: jsonb("changes").notNull(),
    /** SHA-256 over the files' names and hashes. */
    contentHash: text("content_hash").notNull(),
    /** The history this release covers: everything recorded up to this moment. */
    dataAsOf: timestamp("data_as_of", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by")
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("data_releases_version_format", sql`${t.version} ~ '^[0-9]{4}\\.[1-9][0-9]*$'`),
    check("data_releases_note_present", sql`length(btrim(${t.note})) > 0`),
    index("data_releases_published_idx").on(t.publishedAt),
  ],
);

/** The files of a release, byte for byte, with their hashes. Append-only. */
export const dataReleaseFiles = pgTable(
  "data_release_files",
  {
    releaseId: uuid("release_id")
      .notNull()
      .references(() => dataReleases.id),
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.name] })],
);

export type DataRelease = typeof dataReleases.$inferSelect;
