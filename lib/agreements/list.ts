import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { EVENT_STATUSES, type AgreementKind, type DatePrecision, type EventStatus, type OrgKind } from "../domain/enums";
import { stateAfter } from "../domain/status";
import { currentStatusSubquery } from "../events/current-status-sql";
import { foldSql, searchTerms } from "./fold";
import { DEFAULT_QUERY, type AgreementQuery, type SortKey, type StatusFilter } from "./query-params";

export interface AgreementListRow {
  id: string;
  kind: AgreementKind;
  designation: string | null;
  establishedOn: string | null;
  establishedPrecision: DatePrecision;
  swedishId: string;
  swedishName: string;
  swedishKind: OrgKind;
  swedishCode: string | null;
  countyCode: string | null;
  countyName: string | null;
  foreignId: string;
  foreignName: string;
  foreignNameNative: string | null;
  provinceId: string | null;
  provinceName: string | null;
  provinceNameNative: string | null;
  status: EventStatus | null;
  statusOn: string | null;
  statusPrecision: DatePrecision | null;
  /** When the agreement or its status log last changed (ISO 8601, UTC). */
  lastChangedAt: string;
  /** The last "nothing has changed" confirmation (ISO 8601, UTC) and who made it. */
  lastConfirmedAt: string | null;
  lastConfirmedBy: string | null;
  sourceCount: number;
}

export interface AgreementPage {
  rows: AgreementListRow[];
  /** Rows matching the filters, over all pages. */
  total: number;
  /** The page actually returned (the last one when the requested page is past the end). */
  page: number;
  size: number;
}

/** Foreign levels that count as a province for the table's province column. */
export const PROVINCE_LEVELS = ["province", "autonomous_region", "municipality", "special_administrative_region"] as const;
const PROVINCE_LEVELS_SQL = sql.raw(PROVINCE_LEVELS.map((l) => `'${l}'`).join(", "));

/**
 * Per organisation, computed once per query over the (few) organisations rather than per
 * agreement: the nearest province-level ancestor of a foreign party (or itself), sort keys, and
 * the folded text a search looks in (names in both scripts, the county or the province).
 */
function organisationCtes(withSearch: boolean): SQL {
  const search = withSearch
    ? // Native-script names need no folding (and translate() is slow on them): appended as they are.
      sql`, ${foldSql(sql`concat_ws(' | ', o.name, o.short_name, c.name, prov.name)`)} || ' | ' || concat_ws(' | ', o.name_native, prov.name_native) AS search`
    : sql``;
  return sql`chain AS (
    SELECT o.id AS org_id, o.id, o.parent_id, o.name, o.name_native, o.level, 0 AS depth
    FROM organizations o WHERE o.kind = 'foreign'
    UNION ALL
    SELECT chain.org_id, p.id, p.parent_id, p.name, p.name_native, p.level, chain.depth + 1
    FROM chain JOIN organizations p ON p.id = chain.parent_id WHERE chain.depth < 6
  ),
  prov AS (
    SELECT DISTINCT ON (org_id) org_id, id, name, name_native
    FROM chain WHERE level IN (${PROVINCE_LEVELS_SQL}) ORDER BY org_id, depth
  ),
  org AS (
    SELECT o.id, o.kind, o.county_code, prov.id AS province_id,
      ${swedishSortKey(sql`o.name`)} AS sort_name,
      ${swedishSortKey(sql`c.name`)} AS sort_county,
      ${swedishSortKey(sql`prov.name`)} AS sort_province
      ${search}
    FROM organizations o
    LEFT JOIN counties c ON c.code = o.county_code
    LEFT JOIN prov ON prov.org_id = o.id
  )`;
}

/** Distinct sources per agreement: on the agreement itself and on any of its events. */
function sourceCountSql(ids?: SQL): SQL {
  const onlyEvents = ids ? sql`WHERE e.agreement_id = ANY(${ids})` : sql``;
  const onlyAgreements = ids ? sql`WHERE ags.agreement_id = ANY(${ids})` : sql``;
  return sql`(
    SELECT u.agreement_id, count(DISTINCT u.source_id)::int AS n FROM (
      SELECT e.agreement_id, es.source_id FROM event_sources es JOIN status_events e ON e.id = es.event_id ${onlyEvents}
      UNION ALL SELECT ags.agreement_id, ags.source_id FROM agreement_sources ags ${onlyAgreements}
    ) u GROUP BY u.agreement_id
  )`;
}

function lastEventSql(ids?: SQL): SQL {
  const only = ids ? sql`WHERE agreement_id = ANY(${ids})` : sql``;
  return sql`(SELECT agreement_id, max(recorded_at) AS at FROM status_events ${only} GROUP BY agreement_id)`;
}

/**
 * A sort key that orders Swedish names as Swedish readers expect (å, ä, ö after z) and the same
 * way on every server, whatever its collation.
 */
function swedishSortKey(expression: SQL): SQL {
  return sql`(translate(lower(translate(${expression}, 'ÅÄÖÆØÉÈÜ', 'åäöæøéèü')), 'åäöæøéèü', '{|}|}eey') COLLATE "C")`;
}

function lastConfirmationSql(ids?: SQL): SQL {
  const only = ids ? sql`WHERE c.agreement_id = ANY(${ids})` : sql``;
  return sql`(SELECT DISTINCT ON (c.agreement_id) c.agreement_id, c.confirmed_at AS at, u.name
    FROM confirmations c JOIN users u ON u.id = c.confirmed_by ${only}
    ORDER BY c.agreement_id, c.confirmed_at DESC)`;
}

const SORT_SQL: Record<SortKey, SQL> = {
  swedish: sql`so.sort_name`,
  swedishKind: sql`so.kind`,
  county: sql`so.sort_county`,
  foreign: sql`fo.sort_name`,
  province: sql`fo.sort_province`,
  kind: sql`a.kind`,
  designation: swedishSortKey(sql`a.designation`),
  established: sql`a.established_on`,
  status: sql`cs.status`,
  lastChange: sql`greatest(a.updated_at, last_event.at)`,
  confirmed: sql`last_confirmed.at`,
  sources: sql`coalesce(src.n, 0)`,
};

const TIE_BREAK = sql`so.sort_name ASC, fo.sort_name ASC, a.kind ASC, a.id ASC`;

function statusesFor(filter: StatusFilter): EventStatus[] {
  return EVENT_STATUSES.filter((s) => stateAfter(s) === filter);
}

/** The WHERE conditions for a query's filters and search. */
function conditions(query: AgreementQuery): SQL[] {
  const where: SQL[] = [];
  for (const term of searchTerms(query.q)) {
    const folded = foldSql(sql`${term}::text`);
    where.push(
      sql`(strpos(so.search, ${folded}) > 0 OR strpos(fo.search, ${folded}) > 0 OR strpos(${foldSql(sql`a.designation`)}, ${folded}) > 0)`,
    );
  }
  if (query.status.length > 0) {
    const statuses = query.status.filter((s) => s !== "none").flatMap(statusesFor);
    const parts: SQL[] = [];
    if (statuses.length > 0) parts.push(sql`cs.status::text IN ${statuses}`);
    if (query.status.includes("none")) parts.push(sql`cs.status IS NULL`);
    where.push(sql`(${sql.join(parts, sql` OR `)})`);
  }
  if (query.kind.length > 0) where.push(sql`a.kind::text IN ${query.kind}`);
  if (query.swedishKind.length > 0) where.push(sql`so.kind::text IN ${query.swedishKind}`);
  if (query.county.length > 0) where.push(sql`so.county_code IN ${query.county}`);
  if (query.province.length > 0) where.push(sql`fo.province_id::text IN ${query.province}`);
  if (query.from != null) where.push(sql`a.established_on >= ${`${query.from}-01-01`}::date`);
  if (query.to != null) where.push(sql`a.established_on < ${`${query.to + 1}-01-01`}::date`);
  if (query.unconfirmed) {
    where.push(sql`NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.agreement_id = a.id AND c.confirmed_at > now() - interval '12 months')`);
  }
  if (query.reason.length > 0) {
    const reasons = sql.join(
      query.reason.map((r) => sql`${r}`),
      sql`, `,
    );
    where.push(sql`EXISTS (
      SELECT 1 FROM status_events e
      WHERE e.agreement_id = a.id AND e.reasons && ARRAY[${reasons}]::reason[]
        AND NOT EXISTS (SELECT 1 FROM status_events c2 WHERE c2.supersedes_id = e.id))`);
  }
  return where;
}

/**
 * Step one: the ids of the requested page (and the number of matches), joining only what the
 * filters and the sort need.
 */
export function pageIdsSql(query: AgreementQuery, limit: { limit: number; offset: number } | null): SQL {
  const where = conditions(query);
  const whereSql = where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const needsStatus = query.status.length > 0 || query.sort === "status";
  const dir = sql.raw(query.dir === "desc" ? "DESC" : "ASC");
  const paging = limit ? sql`LIMIT ${limit.limit} OFFSET ${limit.offset}` : sql``;
  return sql`
    WITH RECURSIVE ${organisationCtes(searchTerms(query.q).length > 0)}
    SELECT a.id, count(*) OVER ()::int AS total
    FROM agreements a
    JOIN org so ON so.id = a.swedish_org_id
    JOIN org fo ON fo.id = a.foreign_org_id
    ${needsStatus ? sql`LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = a.id` : sql``}
    ${query.sort === "sources" ? sql`LEFT JOIN ${sourceCountSql()} src ON src.agreement_id = a.id` : sql``}
    ${query.sort === "lastChange" ? sql`LEFT JOIN ${lastEventSql()} last_event ON last_event.agreement_id = a.id` : sql``}
    ${query.sort === "confirmed" ? sql`LEFT JOIN ${lastConfirmationSql()} last_confirmed ON last_confirmed.agreement_id = a.id` : sql``}
    ${whereSql}
    ORDER BY ${SORT_SQL[query.sort]} ${dir} NULLS LAST, ${TIE_BREAK}
    ${paging}`;
}

/** Step two: everything the table shows, for the ids of one page only. */
function rowsSql(ids: string[]): SQL {
  const idArray = sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;
  return sql`
    WITH RECURSIVE ${organisationCtes(false)}
    SELECT a.id, a.kind, a.designation, a.established_on::text AS "establishedOn",
      a.established_precision AS "establishedPrecision",
      s.id AS "swedishId", s.name AS "swedishName", s.kind AS "swedishKind", s.official_code AS "swedishCode",
      s.county_code AS "countyCode", c.name AS "countyName",
      f.id AS "foreignId", f.name AS "foreignName", f.name_native AS "foreignNameNative",
      prov.id AS "provinceId", prov.name AS "provinceName", prov.name_native AS "provinceNameNative",
      cs.status, cs.effective_on::text AS "statusOn", cs.effective_precision AS "statusPrecision",
      to_char(greatest(a.updated_at, last_event.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastChangedAt",
      to_char(last_confirmed.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastConfirmedAt", last_confirmed.name AS "lastConfirmedBy",
      coalesce(src.n, 0)::int AS "sourceCount"
    FROM agreements a
    JOIN organizations s ON s.id = a.swedish_org_id
    LEFT JOIN counties c ON c.code = s.county_code
    JOIN organizations f ON f.id = a.foreign_org_id
    LEFT JOIN prov ON prov.org_id = f.id
    LEFT JOIN (SELECT * FROM ${currentStatusSubquery} cs0 WHERE cs0.agreement_id = ANY(${idArray})) cs ON cs.agreement_id = a.id
    LEFT JOIN ${sourceCountSql(idArray)} src ON src.agreement_id = a.id
    LEFT JOIN ${lastEventSql(idArray)} last_event ON last_event.agreement_id = a.id
    LEFT JOIN ${lastConfirmationSql(idArray)} last_confirmed ON last_confirmed.agreement_id = a.id
    WHERE a.id = ANY(${idArray})`;
}

/** Table rows for the given agreements, in the given order. */
export async function agreementRowsByIds(db: Db, ids: string[]): Promise<AgreementListRow[]> {
  return rowsFor(db, ids);
}

async function rowsFor(db: Db, ids: string[]): Promise<AgreementListRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<AgreementListRow>(db, rowsSql(ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AgreementListRow => r !== undefined);
}

/**
 * One page of the agreements table: searched, filtered, sorted and paged in the database.
 * The current status is derived from the events (lib/events/current-status-sql.ts).
 */
export async function queryAgreements(db: Db, query: AgreementQuery): Promise<AgreementPage> {
  const size = query.size;
  let page = query.page;
  let ids = await queryRows<{ id: string; total: number }>(db, pageIdsSql(query, { limit: size, offset: (page - 1) * size }));
  let total = ids[0]?.total ?? 0;
  if (ids.length === 0 && page > 1) {
    // Past the end (e.g. a shared link to a view that has since shrunk): show the last page.
    const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${pageIdsSql(query, null)}) x`);
    total = count?.n ?? 0;
    page = Math.max(1, Math.ceil(total / size));
    ids = total > 0 ? await queryRows(db, pageIdsSql(query, { limit: size, offset: (page - 1) * size })) : [];
  }
  return { rows: await rowsFor(db, ids.map((r) => r.id)), total, page, size };
}

/** Every row of the filtered, sorted view (no paging): for exports. */
export async function queryAllAgreements(db: Db, query: AgreementQuery, max = 100_000): Promise<AgreementListRow[]> {
  const ids = await queryRows<{ id: string }>(db, pageIdsSql(query, { limit: max, offset: 0 }));
  const rows: AgreementListRow[] = [];
  for (let i = 0; i < ids.length; i += 2000) rows.push(...(await rowsFor(db, ids.slice(i, i + 2000).map((r) => r.id))));
  return rows;
}

/** Every agreement with its parties and its current status (derived from its events). */
export async function listAgreements(db: Db): Promise<AgreementListRow[]> {
  return queryAllAgreements(db, DEFAULT_QUERY);
}
