import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { dashboardCtes, joinScope, recordedCutoff } from "./base-sql";
import type { DashboardQuery } from "./query";

export interface EventsRecordedRow {
  /** YYYY-MM, in Stockholm time. */
  month: string;
  /** New events, and corrections (events that supersede another). */
  added: number;
  corrections: number;
}
export interface ProposalMonthRow {
  month: string;
  opened: number;
  approved: number;
  rejected: number;
}
export interface Curation {
  eventsPerMonth: EventsRecordedRow[];
  proposalsPerMonth: ProposalMonthRow[];
  proposals: {
    /** Not decided or withdrawn (as recorded on a day: not by then). */
    open: number;
    approved: number;
    rejected: number;
    withdrawn: number;
    /** Days from opening to decision, over approved and rejected proposals; null when none. */
    medianDaysToReview: number | null;
    meanDaysToReview: number | null;
  };
  /** Live (not superseded) events, and how many cite at least one source. */
  liveEvents: number;
  sourcedEvents: number;
  /** Agreements with no source at all: none on the agreement, none on any of its live events. */
  agreementsWithoutSource: number;
  /** Agreements with no live status event: created without their first status, so missing from every diagram. */
  agreementsWithoutStatus: number;
  agreements: number;
}

/** As recorded on a day: the condition that `column` (a timestamptz) is on or before its end. */
export function recordedBy(q: DashboardQuery, column: SQL): SQL {
  const cutoff = recordedCutoff(q);
  return cutoff ? sql`${column} <= ${cutoff}` : sql`true`;
}

const stockholmMonth = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')`;

/** The SQL of an agreement having a source: on itself, or on one of its live events (tl). */
export function agreementHasSourceSql(q: DashboardQuery): SQL {
  return sql`(EXISTS (SELECT 1 FROM agreement_sources ags WHERE ags.agreement_id = s.id AND ${recordedBy(q, sql`ags.created_at`)})
    OR EXISTS (SELECT 1 FROM tl t2 WHERE t2.agreement_id = s.id AND t2.has_source))`;
}

/**
 * How the curation goes: events recorded per month, proposals opened and decided per month and
 * the time they waited for review, the share of live events that cite a source, and the
 * agreements without any source. Filters select agreements; proposals about no agreement (new
 * agreements) count only without filters.
 */
export async function curationMetrics(db: Db, q: DashboardQuery): Promise<Curation> {
  const ctes = await dashboardCtes(db, q, { sources: true });
  const filtered = Object.keys(q.filters).length > 0;

  // Three independent queries, run side by side. Events per month, in Stockholm months: without
  // filters, two index-only counts per month (every event; corrections, by a partial index);
  // with filters, one pass over the scoped events, each placed in its month by width_bucket over
  // the months' first moments (cheaper than converting every row's time zone).
  const monthsCte = sql`months AS (
      SELECT m AT TIME ZONE 'Europe/Stockholm' AS starts_at, (m + interval '1 month') AT TIME ZONE 'Europe/Stockholm' AS ends_at
      FROM generate_series(
        date_trunc('month', (SELECT min(recorded_at) FROM status_events) AT TIME ZONE 'Europe/Stockholm'),
        (SELECT max(recorded_at) FROM status_events WHERE ${recordedBy(q, sql`recorded_at`)}) AT TIME ZONE 'Europe/Stockholm',
        interval '1 month') AS m
    )`;
  const cutoff = recordedCutoff(q);
  const until = (column: SQL) => (cutoff ? sql`AND ${column} <= ${cutoff}` : sql``);
  const eventsPerMonthQuery = queryRows<EventsRecordedRow>(
    db,
    filtered
      ? sql`${ctes}, ${monthsCte},
        bounds AS (SELECT array_agg(starts_at ORDER BY starts_at) AS starts FROM months)
        SELECT to_char(bounds.starts[b.bucket] AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month, b.added, b.corrections
        FROM (
          SELECT width_bucket(e.recorded_at, bounds.starts) AS bucket,
            (count(*) FILTER (WHERE e.supersedes_id IS NULL))::int AS added,
            (count(*) FILTER (WHERE e.supersedes_id IS NOT NULL))::int AS corrections
          FROM status_events e JOIN scope s ON s.id = e.agreement_id CROSS JOIN bounds
          WHERE ${recordedBy(q, sql`e.recorded_at`)}
          GROUP BY 1
        ) b, bounds
        ORDER BY 1`
      : sql`WITH ${monthsCte}
        SELECT month, (total - corrections)::int AS added, corrections::int AS corrections FROM (
          SELECT to_char(m.starts_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month,
            (SELECT count(*) FROM status_events e WHERE e.recorded_at >= m.starts_at AND e.recorded_at < m.ends_at ${until(sql`e.recorded_at`)}) AS total,
            (SELECT count(*) FROM status_events e WHERE e.supersedes_id IS NOT NULL
               AND e.recorded_at >= m.starts_at AND e.recorded_at < m.ends_at ${until(sql`e.recorded_at`)}) AS corrections
          FROM months m
        ) x
        WHERE total > 0
        ORDER BY 1`,
  );

  const proposalScope = filtered ? sql`p.agreement_id IN (SELECT id FROM scope)` : sql`true`;
  const decided = sql`p.status IN ('approved', 'rejected') AND p.decided_at IS NOT NULL AND ${recordedBy(q, sql`p.decided_at`)}`;
  const proposalQuery = queryRows<{ month: string | null; opened: number; approved: number; rejected: number; open: number; withdrawn: number; median: number | null; mean: number | null }>(
    db,
    sql`${ctes},
    p AS (SELECT p.* FROM proposals p WHERE ${proposalScope} AND ${recordedBy(q, sql`p.created_at`)}),
    months AS (
      SELECT ${stockholmMonth(sql`p.created_at`)} AS month, 1 AS opened, 0 AS approved, 0 AS rejected FROM p
      UNION ALL
      SELECT ${stockholmMonth(sql`p.decided_at`)}, 0, (p.status = 'approved')::int, (p.status = 'rejected')::int FROM p WHERE ${decided}
    )
    SELECT month, sum(opened)::int AS opened, sum(approved)::int AS approved, sum(rejected)::int AS rejected,
      NULL::int AS open, NULL::int AS withdrawn, NULL::float8 AS median, NULL::float8 AS mean
    FROM months GROUP BY month
    UNION ALL
    SELECT NULL, NULL, (count(*) FILTER (WHERE p.status = 'approved' AND ${decided}))::int, (count(*) FILTER (WHERE p.status = 'rejected' AND ${decided}))::int,
      (count(*) FILTER (WHERE NOT (${decided}) AND NOT (p.status = 'withdrawn' AND ${recordedBy(q, sql`p.updated_at`)})))::int,
      (count(*) FILTER (WHERE p.status = 'withdrawn' AND ${recordedBy(q, sql`p.updated_at`)}))::int,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.decided_at - p.created_at) / 86400) FILTER (WHERE ${decided}))::float8,
      (avg(extract(epoch FROM p.decided_at - p.created_at) / 86400) FILTER (WHERE ${decided}))::float8
    FROM p
    ORDER BY 1 NULLS LAST`,
  );

  const sourcingQuery = queryRows<{ live: number; sourced: number; agreements: number; unsourced: number; statusless: number }>(
    db,
    sql`${ctes},
    ev AS (
      SELECT (count(*))::int AS live, (count(*) FILTER (WHERE t.has_source))::int AS sourced
      FROM tl t ${joinScope(q, sql`t.agreement_id`)}
    )
    SELECT ev.live, ev.sourced, (SELECT count(*) FROM scope)::int AS agreements,
      (SELECT count(*) FROM scope s
        WHERE NOT EXISTS (SELECT 1 FROM tl WHERE tl.agreement_id = s.id AND tl.has_source)
          AND s.id NOT IN (SELECT agreement_id FROM agreement_sources WHERE ${recordedBy(q, sql`created_at`)}))::int AS unsourced,
      (SELECT count(*) FROM scope s WHERE NOT EXISTS (SELECT 1 FROM tl WHERE tl.agreement_id = s.id))::int AS statusless
    FROM ev`,
  );

  const [eventsPerMonth, proposalRows, [sourcing]] = await Promise.all([eventsPerMonthQuery, proposalQuery, sourcingQuery]);
  const totals = proposalRows.find((r) => r.month === null);
  const round1 = (n: number | null | undefined) => (n == null ? null : Math.round(Number(n) * 10) / 10);
  return {
    eventsPerMonth,
    proposalsPerMonth: proposalRows.filter((r) => r.month !== null).map(({ month, opened, approved, rejected }) => ({ month: month!, opened, approved, rejected })),
    proposals: {
      open: totals?.open ?? 0,
      approved: totals?.approved ?? 0,
      rejected: totals?.rejected ?? 0,
      withdrawn: totals?.withdrawn ?? 0,
      medianDaysToReview: round1(totals?.median),
      meanDaysToReview: round1(totals?.mean),
    },
    liveEvents: sourcing?.live ?? 0,
    sourcedEvents: sourcing?.sourced ?? 0,
    agreementsWithoutSource: sourcing?.unsourced ?? 0,
    agreementsWithoutStatus: sourcing?.statusless ?? 0,
    agreements: sourcing?.agreements ?? 0,
  };
}
