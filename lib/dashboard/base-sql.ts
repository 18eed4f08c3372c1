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
}

function hasFilters(q: DashboardQuery): boolean {
  const f = q.filters;
  return !!(f.county || f.kind || f.partyType || f.province || f.noProvince);
}

/** Whether `scope` leaves out any agreement (filters, or agreements created after the as-recorded day). */
export function scopeRestricts(q: DashboardQuery): boolean {
  return hasFilters(q) || !!q.recordedOn;
}

/** `JOIN scope s ON s.id = <column>`, or nothing when the scope is every agreement. */
export function joinScope(q: DashboardQuery, agreementColumn: SQL): SQL {
  return scopeRestricts(q) ? sql`JOIN scope s ON s.id = ${agreementColumn}` : sql``;
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

  const timeline = await timelineRelation(db, q, cutoff);
  return sql`WITH ${needProvince ? sql`${foreignProvinceCte},` : sql``} ${scope}, tl AS (SELECT * FROM ${timeline})`;
}

/**
 * The timeline relation: the maintained table, or, as recorded on a day after which events or
 * source links were recorded, the same rows computed from what was known by then (only for the
 * filtered agreements).
 */
async function timelineRelation(db: Db, q: DashboardQuery, cutoff: SQL | null): Promise<SQL> {
  if (!cutoff) return sql`status_timeline`;
  const [row] = await queryRows<{ later: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM status_events WHERE recorded_at > ${cutoff})
      OR EXISTS (SELECT 1 FROM event_sources WHERE created_at > ${cutoff}) AS later`,
  );
  if (!row?.later) return sql`status_timeline`;
  const ids = hasFilters(q) ? sql`(SELECT coalesce(array_agg(id), '{}'::uuid[]) FROM scope)` : sql`NULL::uuid[]`;
  return sql`status_timeline_of(${ids}, ${cutoff})`;
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

/** SQL list of string literals for an IN (...) clause. */
export function sqlList(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/** A list of uuids as one array parameter (drizzle would spread a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
