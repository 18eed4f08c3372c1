import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { DashboardQuery } from "./query";

// The building blocks every series shares:
//   scope — the agreements the filters select (and, as recorded on a day, that existed then),
//   tl    — their status timeline: one row per live event, the state it put the agreement in,
//           from `sort_date` to `next_sort_date` (see db/schema/timeline.ts for the rule).
// Normally `tl` reads the status_timeline table, which a trigger keeps in step with the events.
// As recorded on a past day, it is computed from the events recorded by then.

/** Levels that count as a "province" when walking up a foreign party's parent chain. */
export const PROVINCE_LEVELS = ["province", "autonomous_region", "municipality", "special_administrative_region"] as const;
const provinceLevels = sql.raw(PROVINCE_LEVELS.map((l) => `'${l}'`).join(", "));

/** The end of the "as recorded on" day in Stockholm, as a timestamptz, or null. */
export function recordedCutoff(q: DashboardQuery): SQL | null {
  if (!q.recordedOn) return null;
  return sql`(((${q.recordedOn}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm') - interval '1 microsecond')`;
}

/** SQL for "this date is on or before the as-of date" (true when there is no as-of date). */
export function onOrBeforeAsOf(q: DashboardQuery, column: SQL): SQL {
  return q.asOf ? sql`${column} <= ${q.asOf}::date` : sql`true`;
}

/** Each foreign organisation with its province-level ancestor (itself if it is one). */
export const foreignProvinceCte = sql`foreign_province AS (
  WITH RECURSIVE up AS (
    SELECT o.id AS org_id, o.id, o.parent_id, o.level, 0 AS depth FROM organizations o WHERE o.kind = 'foreign'
    UNION ALL
    SELECT up.org_id, p.id, p.parent_id, p.level, up.depth + 1
    FROM up JOIN organizations p ON p.id = up.parent_id
    WHERE (up.level IS NULL OR up.level NOT IN (${provinceLevels})) AND up.depth < 10
  )
  SELECT DISTINCT ON (org_id) org_id, id AS province_id FROM up WHERE level IN (${provinceLevels}) ORDER BY org_id, depth
)`;

export interface ScopeNeeds {
  /** Columns party_type and county_code (the Swedish party). */
  swedish?: boolean;
  /** Column province_id. */
  province?: boolean;
  /** tl.has_source (as recorded on a past day it costs a join, so only callers that read it ask). */
  sources?: boolean;
}

function hasFilters(q: DashboardQuery): boolean {
  const f = q.filters;
  return !!(f.county || f.kind || f.partyType || f.province || f.noProvince);
}

/** Whether `scope` leaves out any agreement (filters, or agreements created after the as-recorded day). */
export function scopeRestricts(q: DashboardQuery): boolean {
  return hasFilters(q) || !!q.recordedOn;
}

/**
 * `JOIN scope s ON s.id = <column>` for rows of events or of the timeline, or nothing when no
 * filter is set. (As recorded on a day, scope also leaves out agreements created later; their
 * events were recorded later too, so the recording cut-off has already left them out.)
 */
export function joinScope(q: DashboardQuery, agreementColumn: SQL): SQL {
  return hasFilters(q) ? sql`JOIN scope s ON s.id = ${agreementColumn}` : sql``;
}

/**
 * `WITH [foreign_province,] scope, tl`: the filtered agreements and their timeline. `needs` says
 * which dimension columns the caller reads from scope; the filters add what they need.
 */
export async function dashboardCtes(db: Db, q: DashboardQuery, needs: ScopeNeeds = {}): Promise<SQL> {
  const f = q.filters;
  const needSwedish = needs.swedish || !!f.county || !!f.partyType;
  const needProvince = needs.province || !!f.province || !!f.noProvince;
  const cutoff = recordedCutoff(q);

  const where: SQL[] = [];
  if (f.kind) where.push(sql`a.kind = ${f.kind}::agreement_kind`);
  if (f.county) where.push(sql`s.county_code = ${f.county}`);
  if (f.partyType) where.push(sql`s.kind = ${f.partyType}::org_kind`);
  if (f.province) where.push(sql`fp.province_id = ${f.province}::uuid`);
  if (f.noProvince) where.push(sql`fp.province_id IS NULL`);
  if (cutoff) where.push(sql`a.created_at <= ${cutoff}`);

  const scope = sql`scope AS (
    SELECT a.id, a.kind
      ${needSwedish ? sql`, s.kind::text AS party_type, s.county_code` : sql``}
      ${needProvince ? sql`, fp.province_id` : sql``}
    FROM agreements a
    ${needSwedish ? sql`JOIN organizations s ON s.id = a.swedish_org_id` : sql``}
    ${needProvince ? sql`LEFT JOIN foreign_province fp ON fp.org_id = a.foreign_org_id` : sql``}
    ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
  )`;

  // The table is read in place wherever tl is used (a CTE used twice would be copied first);
  // computed rows are computed once.
  const tl = await timelineCtes(db, q, cutoff, !!needs.sources);
  return sql`WITH ${needProvince ? sql`${foreignProvinceCte},` : sql``} ${scope}, ${tl}`;
}

/**
 * The `tl` CTE: the maintained table; or, as recorded on a day, the table's rows for the agreements
 * nothing was recorded about since (their timeline is the same), and for the others the rows
 * computed by status_timeline_of from what was recorded by then. `sources`: has_source is read,
 * so source links made since count as changes too.
 */
async function timelineCtes(db: Db, q: DashboardQuery, cutoff: SQL | null, sources: boolean): Promise<SQL> {
  const table = sql`tl AS NOT MATERIALIZED (SELECT * FROM status_timeline)`;
  if (!cutoff) return table;
  const linksSince = sql`SELECT 1 FROM event_sources WHERE created_at > ${cutoff}`;
  const [row] = await queryRows<{ later: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM status_events WHERE recorded_at > ${cutoff}) ${sources ? sql`OR EXISTS (${linksSince})` : sql``} AS later`,
  );
  if (!row?.later) return table;
  return sql`changed AS MATERIALIZED (
      SELECT DISTINCT e.agreement_id FROM status_events e WHERE e.recorded_at > ${cutoff}
      ${
        sources
          ? sql`UNION SELECT e.agreement_id FROM event_sources es
              CROSS JOIN LATERAL (SELECT agreement_id FROM status_events WHERE id = es.event_id) e
              WHERE es.created_at > ${cutoff}`
          : sql``
      }
    ),
    recomputed AS MATERIALIZED (
      SELECT * FROM status_timeline_of(
        (SELECT coalesce(array_agg(c.agreement_id), '{}'::uuid[]) FROM changed c
         ${hasFilters(q) ? sql`WHERE c.agreement_id IN (SELECT id FROM scope)` : sql``}),
        ${cutoff}, ${sources})
    ),
    tl AS NOT MATERIALIZED (
      SELECT * FROM status_timeline WHERE agreement_id NOT IN (SELECT agreement_id FROM changed)
      UNION ALL
      SELECT * FROM recomputed
    )`;
}

/**
 * The condition on `t` (a tl row) that it is the agreement's state at the end of the day `at`
 * (an SQL date), or, without a date, its latest state.
 */
export function stateAtSql(q: DashboardQuery): SQL {
  return q.asOf
    ? sql`(t.sort_date <= ${q.asOf}::date AND (t.next_sort_date IS NULL OR t.next_sort_date > ${q.asOf}::date))`
    : sql`t.is_last`;
}

/**
 * A list of string literals for an IN (...) clause, written into the SQL (not as parameters) so
 * that the planner can match the partial indexes whose predicates name the same values. Only for
 * the closed vocabularies of lib/domain/enums.ts.
 */
export function sqlList(values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`Not a vocabulary value: ${v}`);
  return sql.raw(values.map((v) => `'${v}'`).join(", "));
}

/** A list of uuids as one array parameter (drizzle would spread a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
