import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { eventStatus, initiator, reason } from "./enums";

/**
 * The status log in the order of the world, one row per live (not superseded) event: derived
 * data, never written by the app. A trigger on status_events (migration "status_timeline_upkeep")
 * recomputes an agreement's rows in the same transaction as every insert of its events, with the
 * SQL function status_timeline_of(), which applies the rule of lib/events/timeline.ts: undated
 * events sort after the dated events recorded before them; superseded events are left out.
 *
 * Each row is the state the agreement was in from `sort_date` until `next_sort_date` (the next
 * live event's place; null for the last). `sort_date` is null only for an event that cannot be
 * placed in time (undated, with no dated event recorded before it). The dashboards count these
 * intervals; as-recorded time travel computes the same rows from the events known on a day.
 */
export const statusTimeline = pgTable(
  "status_timeline",
  {
    /** The event (status_events.id). No foreign keys: the rows are derived and rebuilt by the trigger. */
    eventId: uuid("event_id").primaryKey(),
    agreementId: uuid("agreement_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    status: eventStatus("status").notNull(),
    /** active | dormant | paused | partially_terminated | ended | ended_unknown (an ending at an unknown date). */
    state: text("state").notNull(),
    effectiveOn: date("effective_on"),
    sortDate: date("sort_date"),
    nextSortDate: date("next_sort_date"),
    fromYear: smallint("from_year"),
    toYear: smallint("to_year"),
    isLast: boolean("is_last").notNull(),
    initiatedBy: initiator("initiated_by").notNull(),
    reasons: reason("reasons").array().notNull(),
    /** Whether the event cites at least one source (event_sources is append-only, so this only turns true). */
    hasSource: boolean("has_source").notNull(),
  },
  (t) => [
    index("status_timeline_agreement_idx").on(t.agreementId),
    index("status_timeline_last_idx").on(t.agreementId).where(sql`${t.isLast}`),
    index("status_timeline_sourced_idx").on(t.agreementId).where(sql`${t.hasSource}`),
    // The rows the yearly in-force series reads: states in force whose interval spans a year's end.
    index("status_timeline_in_force_idx")
      .on(t.agreementId, t.state, t.fromYear, t.toYear)
      .where(sql`${t.state} <> 'ended' AND ${t.sortDate} IS NOT NULL AND (${t.toYear} IS NULL OR ${t.toYear} > ${t.fromYear})`),
    // The rows the terminations-and-pauses series reads.
    index("status_timeline_changes_idx")
      .on(t.status, t.effectiveOn, t.initiatedBy, t.reasons, t.agreementId)
      .where(sql`${t.status} IN ('terminated', 'terminated_by_counterpart', 'expired', 'paused', 'partially_terminated')`),
    check(
      "status_timeline_state",
      sql`${t.state} IN ('active', 'dormant', 'paused', 'partially_terminated', 'ended', 'ended_unknown')`,
    ),
  ],
);

export type StatusTimelineRow = typeof statusTimeline.$inferSelect;
