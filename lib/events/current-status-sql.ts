import { sql } from "drizzle-orm";

/**
 * A subquery with one row per agreement: its last live (not superseded) event, ordered as
 * lib/events/timeline.ts orders them (undated events after the dates recorded before them).
 * Columns: agreement_id, event_id, status, effective_on, effective_precision, recorded_at.
 */
export const currentStatusSubquery = sql`(
  SELECT DISTINCT ON (x.agreement_id)
    x.agreement_id, x.id AS event_id, x.status, x.effective_on, x.effective_precision, x.recorded_at
  FROM (
    SELECT e.*, coalesce(e.effective_on,
      max(e.effective_on) OVER (PARTITION BY e.agreement_id ORDER BY e.seq ROWS UNBOUNDED PRECEDING)) AS sort_date
    FROM status_events e
  ) x
  WHERE NOT EXISTS (SELECT 1 FROM status_events c WHERE c.supersedes_id = x.id)
  ORDER BY x.agreement_id, x.sort_date DESC NULLS LAST, x.seq DESC
)`;
