import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AgreementKind } from "../domain/enums";
import type { InForceState } from "../validation/dashboard";
import { dashboardCtes } from "./base-sql";
import type { DashboardQuery } from "./query";

export interface InForceRow {
  year: number;
  kind: AgreementKind;
  state: InForceState;
  count: number;
}

/**
 * Agreements in force at the end of each year of the range (the report's Diagram 4), by kind and
 * by the state they were in: active, dormant, paused, partially terminated, or ended at an
 * unknown date (not ended at a known date, so counted, but shown apart). An agreement ended in
 * year Y is not counted in Y. With an as-of date the range stops there, and its last year is
 * counted as of that day.
 *
 * Set-based: the intervals are first counted by (kind, state, first year, end year); each such
 * group adds +n in the year it starts (or the range's first year) and -n in the year it ends; a
 * running sum over generate_series gives the counts. Rows with a
 * count of 0 for every year are left out; the years in between are all there.
 */
export async function inForcePerYear(db: Db, query: DashboardQuery): Promise<InForceRow[]> {
  const q = query.asOf ? { ...query, to: Math.min(query.to, Number(query.asOf.slice(0, 4))) } : query;
  if (q.from > q.to) return [];
  const ctes = await dashboardCtes(db, q);
  const asOf = q.asOf ? sql`${q.asOf}::date` : sql`NULL::date`;
  return queryRows<InForceRow>(
    db,
    sql`${ctes},
    iv AS (
      SELECT s.kind, t.state, greatest(t.from_year, ${q.from}::int) AS y0,
        CASE WHEN ${asOf} IS NULL OR t.next_sort_date <= ${asOf} THEN t.to_year END AS y1,
        count(*)::int AS n
      FROM tl t JOIN scope s ON s.id = t.agreement_id
      WHERE t.state <> 'ended' AND t.sort_date IS NOT NULL AND t.from_year <= ${q.to}::int
        ${
          q.asOf
            ? sql`AND t.sort_date <= ${asOf}`
            : // Implied by the year-end rule below; said here so that the planner reads the partial index status_timeline_in_force_idx.
              sql`AND (t.to_year IS NULL OR t.to_year > t.from_year)`
        }
      GROUP BY 1, 2, 3, 4
    ),
    delta AS (
      SELECT v.y, iv.kind, iv.state, sum(v.d * iv.n)::int AS d
      FROM iv CROSS JOIN LATERAL (VALUES (iv.y0, 1), (iv.y1, -1)) AS v(y, d)
      WHERE (iv.y1 IS NULL OR iv.y1 > iv.y0) AND v.y <= ${q.to}::int
      GROUP BY 1, 2, 3
    )
    SELECT g.y::int AS year, k.kind, k.state,
      (sum(coalesce(delta.d, 0)) OVER (PARTITION BY k.kind, k.state ORDER BY g.y))::int AS count
    FROM generate_series(${q.from}::int, ${q.to}::int) AS g(y)
    CROSS JOIN (SELECT DISTINCT kind, state FROM delta) k
    LEFT JOIN delta ON delta.y = g.y AND delta.kind = k.kind AND delta.state = k.state
    ORDER BY 1, 2, 3`,
  );
}
