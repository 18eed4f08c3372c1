import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { ENDING_STATUSES, REASONS, type Initiator, type Reason } from "../domain/enums";
import type { Change } from "../validation/dashboard";
import { dashboardCtes, joinScope, sqlList } from "./base-sql";
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
 * The live events of `tl` (as `t`) that are terminations (terminated, terminated by
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
  // One pass: counts per (year, change, initiator), with the reasons counted alongside by FILTER
  // (an event giving two reasons counts under both), instead of unnesting every event's reasons.
  const rows = await queryRows<{ year: number | null; change: Change; initiator: Initiator } & Record<Reason | "none" | "count", number>>(
    db,
    sql`${ctes}
    SELECT extract(year FROM t.effective_on)::int AS year, ${changeOfStatus(sql`t.status`)} AS change, t.initiated_by::text AS initiator,
      count(*)::int AS count,
      ${sql.join(
        REASONS.map((r) => sql`(count(*) FILTER (WHERE ${r}::reason = ANY(t.reasons)))::int AS ${sql.identifier(r)}`),
        sql`, `,
      )},
      (count(*) FILTER (WHERE cardinality(t.reasons) = 0))::int AS "none"
    FROM tl t ${joinScope(q, sql`t.agreement_id`)}
    WHERE ${changeEventsWhere(q)}
    GROUP BY 1, 2, 3
    ORDER BY 1 NULLS LAST, 2, 3`,
  );
  const byReason = new Map<string, ChangeByReasonRow>();
  for (const r of rows) {
    for (const reason of [...REASONS, "none"] as const) {
      if (!r[reason]) continue;
      const key = `${r.year}|${r.change}|${reason}`;
      const row = byReason.get(key) ?? { year: r.year, change: r.change, reason, count: 0 };
      row.count += r[reason];
      byReason.set(key, row);
    }
  }
  return {
    byInitiator: rows.map(({ year, change, initiator, count }) => ({ year, change, initiator, count })),
    byReason: [...byReason.values()],
  };
}
