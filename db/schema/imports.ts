import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A CSV import run in the background: its rows (until it has run), where it is, and what came
 * of it. The job is "done" in the same transaction that writes its agreements, so a crash
 * leaves it either done with everything written or not done with nothing written (and it is
 * run again).
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name"),
    /** queued → running → done | invalid (a row has an error) | conflict (the registry changed) | failed */
    status: text("status").notNull().default("queued"),
    phase: text("phase"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull(),
    rows: jsonb("rows"),
    result: jsonb("result"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("import_jobs_created_by_idx").on(t.createdBy, t.createdAt),
    check("import_jobs_status", sql`${t.status} IN ('queued', 'running', 'done', 'invalid', 'conflict', 'failed')`),
  ],
);

export type ImportJob = typeof importJobs.$inferSelect;
