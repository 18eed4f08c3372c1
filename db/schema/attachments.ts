import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sources } from "./sources";
import { users } from "./users";

/**
 * A stored file (protocol PDF, email, screenshot), deduplicated by its SHA-256: the same bytes
 * uploaded twice are one row and one stored object.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sha256: text("sha256").notNull().unique(),
    sizeBytes: integer("size_bytes").notNull(),
    mediaType: text("media_type").notNull(),
    /** Key in the storage backend (lib/attachments/storage.ts). */
    storageKey: text("storage_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    check("attachments_sha256_format", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("attachments_size_positive", sql`${t.sizeBytes} > 0`),
  ],
);

/** A file attached to a source, under the name it was uploaded with. */
export const sourceAttachments = pgTable(
  "source_attachments",
  {
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id),
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => attachments.id),
    filename: text("filename").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.attachmentId] }), index("source_attachments_attachment_idx").on(t.attachmentId)],
);

export type Attachment = typeof attachments.$inferSelect;
