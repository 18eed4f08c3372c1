import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { ENDING_STATUSES, type Initiator, type Reason } from "../domain/enums";
import type { Change } from "../validation/dashboard";
import { dashboardCtes, sqlList } from "./base-sql";
import type { DashboardQuery } from "./query";

export interface ChangeRow {
  /** Calendar year of the effective date; null for a change at an unknown date. */
  year: number | null;
  change: Change;
  count: number;
}
export interface ChangeByInitiatorRow extends ChangeRow {
  initiator: Initiator;
}
export interface ChangeByReasonRow extends ChangeRow {
  /** A reason given, or "none". An event giving two reasons counts under both. */
  reason: Reason | "none";
}
export interface ChangesPerYear {
  byInitiator: ChangeByInitiatorRow[];
  byReason: ChangeByReasonRow[];
}

const CHANGE_STATUSES = [...ENDING_STATUSES, "paused", "partially_terminated"];

/** SQL mapping a status to its Change. */
export const changeOfStatus = (column: SQL) =>
  sql`CASE WHEN ${column} IN (${sqlList(ENDING_STATUSES)}) THEN 'ended' ELSE ${column}::text END`;

/**
 * The live events of `tl` (joined to scope as `s`) that are terminations (terminated, terminated by
 * the counterpart, expired), pauses or partial terminations in the year range, or at an unknown
 * date; with an as-of date, only those on or before it (an undated one by its place in the timeline).
 */
export function changeEventsWhere(q: DashboardQuery): SQL {
  return sql`t.status IN (${sqlList(CHANGE_STATUSES)})
    AND (t.effective_on IS NULL OR t.effective_on BETWEEN make_date(${q.from}::int, 1, 1) AND make_date(${q.to}::int, 12, 31))
    ${q.asOf ? sql`AND coalesce(t.effective_on, t.sort_date) <= ${q.asOf}::date` : sql``}`;
}

/**
 * Terminations and pauses per year (the report's Diagram 5), each split by who initiated them
 * and by the reasons given. Counts events, not agreements. Changes at an unknown date are
 * counted with year null, not dropped.
 */
export async function changesPerYear(db: Db, q: DashboardQuery): Promise<ChangesPerYear> {
  const ctes = await dashboardCtes(db, q);
  const rows = await queryRows<{ split: "initiator" | "reason"; year: number | null; change: Change; value: string; count: number }>(
    db,
    sql`${ctes},
    ch AS (
      SELECT ${changeOfStatus(sql`t.status`)} AS change, extract(year FROM t.effective_on)::int AS year, t.initiated_by, t.reasons
      FROM tl t JOIN scope s ON s.id = t.agreement_id
      WHERE ${changeEventsWhere(q)}
    )
    SELECT 'initiator' AS split, year, change, initiated_by::text AS value, count(*)::int AS count FROM ch GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'reason', year, change, r.reason, count(*)::int
    FROM ch CROSS JOIN LATERAL unnest(CASE WHEN cardinality(ch.reasons) = 0 THEN ARRAY['none'] ELSE ch.reasons::text[] END) AS r(reason)
    GROUP BY 2, 3, 4
    ORDER BY 1, 2 NULLS LAST, 3, 4`,
  );
  return {
    byInitiator: rows.filter((r) => r.split === "initiator").map(({ year, change, value, count }) => ({ year, change, initiator: value as Initiator, count })),
    byReason: rows.filter((r) => r.split === "reason").map(({ year, change, value, count }) => ({ year, change, reason: value as Reason | "none", count })),
  };
}
