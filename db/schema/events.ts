import { sql } from "drizzle-orm";
import { bigserial, check, date, index, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { datePrecision, eventStatus, initiator, reason } from "./enums";
import { partialDateCheck } from "./partial-date";
import { proposals } from "./reviews";
import { sources } from "./sources";
import { users } from "./users";

/**
 * The append-only log of status changes. A trigger (see the migration
 * "status_events_append_only") refuses UPDATE and DELETE; a wrong event is corrected by a
 * new one whose `supersedes_id` points at it.
 */
export const statusEvents = pgTable(
  "status_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Order of recording; breaks ties between events recorded in one transaction. */
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    status: eventStatus("status").notNull(),
    effectiveOn: date("effective_on"),
    effectivePrecision: datePrecision("effective_precision").notNull(),
    reasons: reason("reasons").array().notNull().default(sql`'{}'::reason[]`),
    reasonOther: text("reason_other"),
    decidedBy: text("decided_by"),
    initiatedBy: initiator("initiated_by").notNull().default("unknown"),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => statusEvents.id),
    correctionReason: text("correction_reason"),
    /** The approved proposal this event came from, if any (its author recorded it; its reviewer approved it). */
    proposalId: uuid("proposal_id").references(() => proposals.id),
  },
  (t) => [
    index("status_events_agreement_idx").on(t.agreementId, t.effectiveOn),
    index("status_events_recorded_at_idx").on(t.recordedAt),
    index("status_events_supersedes_idx").on(t.supersedesId),
    check("status_events_effective_precision", partialDateCheck(t.effectiveOn, t.effectivePrecision)),
    check("status_events_other_reason_text", sql`NOT ('other' = ANY(${t.reasons})) OR ${t.reasonOther} IS NOT NULL`),
    check(
      "status_events_correction_has_reason",
      sql`${t.supersedesId} IS NULL OR length(btrim(coalesce(${t.correctionReason}, ''))) > 0`,
    ),
  ],
);

/** The evidence behind an event, with the quote and page it rests on. */
export const eventSources = pgTable(
  "event_sources",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => statusEvents.id),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id),
    quote: text("quote"),
    page: text("page"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sourceId] }), index("event_sources_source_idx").on(t.sourceId)],
);

export type StatusEvent = typeof statusEvents.$inferSelect;
export type NewStatusEvent = typeof statusEvents.$inferInsert;
