import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { REASONS } from "../domain/enums";
import type { DashboardState, NowDimension } from "../validation/dashboard";
import { dashboardCtes, stateAtSql } from "./base-sql";
import type { DashboardQuery } from "./query";

export interface NowRow {
  dimension: NowDimension;
  /**
   * The dimension's value: the state; the agreement kind; the Swedish party's type (kommun,
   * region, lansstyrelse); its county code; the foreign party's province (organisation id, null
   * when its parent chain reaches no province); or, for endingReason, a reason or "none".
   */
  value: string | null;
  state: DashboardState;
  count: number;
}

/**
 * Agreements by their state now (or as of a date), counted by state, kind, Swedish party type,
 * county and Chinese province; and the reasons given on the events that ended the agreements that
 * are ended (an agreement giving two reasons counts under both). "none" is an agreement without a
 * status event (as of a date: with none placed on or before it).
 */
export async function nowCounts(db: Db, q: DashboardQuery): Promise<NowRow[]> {
  const ctes = await dashboardCtes(db, q, { swedish: true, province: true });
  return queryRows<NowRow>(
    db,
    sql`${ctes},
    cur AS (
      SELECT s.kind::text AS kind, s.party_type, s.county_code, s.province_id::text AS province_id,
        coalesce(t.state, 'none') AS state, t.reasons
      FROM scope s LEFT JOIN tl t ON t.agreement_id = s.id AND ${stateAtSql(q)}
    )
    SELECT CASE WHEN grouping(kind) = 0 THEN 'kind' WHEN grouping(party_type) = 0 THEN 'partyType'
        WHEN grouping(county_code) = 0 THEN 'county' WHEN grouping(province_id) = 0 THEN 'province' ELSE 'state' END AS dimension,
      CASE WHEN grouping(kind) = 0 THEN kind WHEN grouping(party_type) = 0 THEN party_type
        WHEN grouping(county_code) = 0 THEN county_code WHEN grouping(province_id) = 0 THEN province_id ELSE state END AS value,
      state, count(*)::int AS count
    FROM cur
    GROUP BY GROUPING SETS ((state), (kind, state), (party_type, state), (county_code, state), (province_id, state))
    UNION ALL
    SELECT 'endingReason', r.reason, e.state, r.n
    FROM (
      SELECT state,
        ${sql.join(
          REASONS.map((r) => sql`(count(*) FILTER (WHERE ${r}::reason = ANY(reasons)))::int AS ${sql.identifier(r)}`),
          sql`, `,
        )},
        (count(*) FILTER (WHERE cardinality(reasons) = 0))::int AS "none"
      FROM cur WHERE state IN ('ended', 'ended_unknown') GROUP BY state
    ) e
    CROSS JOIN LATERAL (VALUES ${sql.join(
      [...REASONS, "none"].map((r) => sql`(${r}, e.${sql.identifier(r)})`),
      sql`, `,
    )}) AS r(reason, n)
    WHERE r.n > 0
    ORDER BY 1, 2, 3`,
  );
}
