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
  agreements: number;
}

/** As recorded on a day: the condition that `column` (a timestamptz) is on or before its end. */
export function recordedBy(q: DashboardQuery, column: SQL): SQL {
  const cutoff = recordedCutoff(q);
  return cutoff ? sql`${column} <= ${cutoff}` : sql`true`;
}

const stockholmMonth = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')`;
/** The first moment of the Stockholm month of `column`, as a timestamp: cheaper to group by than a formatted month. */
const stockholmMonthStart = (column: SQL) => sql`date_trunc('month', ${column} AT TIME ZONE 'Europe/Stockholm')`;

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
  const ctes = await dashboardCtes(db, q);
  const filtered = Object.keys(q.filters).length > 0;

  const eventsPerMonth = await queryRows<EventsRecordedRow>(
    db,
    sql`${ctes}
    SELECT to_char(m.month, 'YYYY-MM') AS month, m.added, m.corrections FROM (
      SELECT ${stockholmMonthStart(sql`e.recorded_at`)} AS month,
        (count(*) FILTER (WHERE e.supersedes_id IS NULL))::int AS added,
        (count(*) FILTER (WHERE e.supersedes_id IS NOT NULL))::int AS corrections
      FROM status_events e ${joinScope(q, sql`e.agreement_id`)}
      WHERE ${recordedBy(q, sql`e.recorded_at`)}
      GROUP BY 1
    ) m ORDER BY 1`,
  );

  const proposalScope = filtered ? sql`p.agreement_id IN (SELECT id FROM scope)` : sql`true`;
  const decided = sql`p.status IN ('approved', 'rejected') AND p.decided_at IS NOT NULL AND ${recordedBy(q, sql`p.decided_at`)}`;
  const proposalRows = await queryRows<{ month: string | null; opened: number; approved: number; rejected: number; open: number; withdrawn: number; median: number | null; mean: number | null }>(
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
  const totals = proposalRows.find((r) => r.month === null);
  const round1 = (n: number | null | undefined) => (n == null ? null : Math.round(Number(n) * 10) / 10);

  const [sourcing] = await queryRows<{ live: number; sourced: number; agreements: number; unsourced: number }>(
    db,
    sql`${ctes},
    per_agreement AS (
      SELECT t.agreement_id, count(*) AS live, count(*) FILTER (WHERE t.has_source) AS sourced
      FROM tl t GROUP BY t.agreement_id
    )
    SELECT coalesce(sum(pa.live), 0)::int AS live, coalesce(sum(pa.sourced), 0)::int AS sourced, count(*)::int AS agreements,
      (count(*) FILTER (WHERE coalesce(pa.sourced, 0) = 0
        AND s.id NOT IN (SELECT agreement_id FROM agreement_sources WHERE ${recordedBy(q, sql`created_at`)})))::int AS unsourced
    FROM scope s LEFT JOIN per_agreement pa ON pa.agreement_id = s.id`,
  );

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
    agreements: sourcing?.agreements ?? 0,
  };
}
