import { and, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { eventSources, sources, statusEvents, type Source, type StatusEvent } from "@/db/schema";
import type { AgreementKind, OrgKind } from "../domain/enums";
import { readableProposals, type Reader } from "../review/read-scope";
import type { DrilldownInput } from "../validation/dashboard";
import { dashboardCtes, PROVINCE_LEVELS, sqlList, stateAtSql, uuidArray } from "./base-sql";
import { changeEventsWhere, changeOfStatus } from "./changes";
import { agreementHasSourceSql, recordedBy } from "./curation";
import { resolveQuery, type DashboardQuery } from "./query";

// The list behind every bar, point and count: the same conditions as the series, row by row.
// lib/dashboard/drilldown.test.ts checks, cell by cell, that the list is as long as the count.

export const DRILLDOWN_PAGE_SIZE = 500;

export interface DrilldownAgreement {
  id: string;
  kind: AgreementKind;
  swedishName: string;
  swedishKind: OrgKind;
  countyName: string | null;
  foreignName: string;
  foreignNameNative: string | null;
  provinceName: string | null;
}
export interface DrilldownSource {
  source: Source;
  quote: string | null;
  page: string | null;
}
export interface DrilldownProposal {
  id: string;
  kind: string;
  status: string;
  summary: string | null;
  createdAt: string;
  decidedAt: string | null;
}
export interface DrilldownRow {
  agreement: DrilldownAgreement | null;
  /** The event behind the count (the one that put the agreement in the counted state, or the change counted). */
  event: StatusEvent | null;
  sources: DrilldownSource[];
  proposal: DrilldownProposal | null;
}
export interface Drilldown {
  query: DashboardQuery;
  spec: DrilldownInput;
  total: number;
  page: number;
  pageSize: number;
  rows: DrilldownRow[];
}

interface Key {
  agreement_id: string | null;
  event_id: string | null;
  proposal_id: string | null;
}

/** The SQL selecting the keys (agreement, event, proposal) behind one cell, in display order. */
async function keysSql(db: Db, q: DashboardQuery, d: DrilldownInput, reader: Reader): Promise<SQL> {
  const ctes = await dashboardCtes(db, q, { sources: d.series === "unsourcedEvents" || d.series === "unsourcedAgreements" });
  const year = typeof d.year === "number" ? d.year : null;
  switch (d.series) {
    case "inForce": {
      // The state at the end of the year, or on the as-of day in its year.
      const at = q.asOf && year !== null && Number(q.asOf.slice(0, 4)) <= year ? sql`${q.asOf}::date` : sql`make_date(${year}::int, 12, 31)`;
      return sql`${ctes}
        SELECT t.agreement_id, t.event_id, NULL::uuid AS proposal_id FROM tl t JOIN scope s ON s.id = t.agreement_id
        WHERE t.state <> 'ended' AND t.sort_date IS NOT NULL AND t.sort_date <= ${at}
          AND (t.next_sort_date IS NULL OR t.next_sort_date > ${at})
          ${d.state ? sql`AND t.state = ${d.state}` : sql``}`;
    }
    case "changes": {
      const conds: SQL[] = [changeEventsWhere(q)];
      if (d.year === "unknown") conds.push(sql`t.effective_on IS NULL`);
      else if (year !== null) conds.push(sql`extract(year FROM t.effective_on) = ${year}::int`);
      if (d.dated) conds.push(sql`t.effective_on IS NOT NULL`);
      if (d.change) conds.push(sql`${changeOfStatus(sql`t.status`)} = ${d.change}`);
      if (d.initiator) conds.push(sql`t.initiated_by = ${d.initiator}::initiator`);
      if (d.reason === "none") conds.push(sql`cardinality(t.reasons) = 0`);
      else if (d.reason) conds.push(sql`${d.reason}::reason = ANY(t.reasons)`);
      return sql`${ctes}
        SELECT t.agreement_id, t.event_id, NULL::uuid AS proposal_id FROM tl t JOIN scope s ON s.id = t.agreement_id
        WHERE ${sql.join(conds, sql` AND `)}`;
    }
    case "now":
    case "agreements": {
      const conds: SQL[] = [sql`true`];
      if (d.series === "now" && d.state) conds.push(sql`coalesce(t.state, 'none') = ${d.state}`);
      if (d.series === "now" && d.endingReason) {
        conds.push(sql`t.state IN ('ended', 'ended_unknown')`);
        conds.push(d.endingReason === "none" ? sql`cardinality(t.reasons) = 0` : sql`${d.endingReason}::reason = ANY(t.reasons)`);
      }
      return sql`${ctes}
        SELECT s.id AS agreement_id, t.event_id, NULL::uuid AS proposal_id
        FROM scope s LEFT JOIN tl t ON t.agreement_id = s.id AND ${stateAtSql(q)}
        WHERE ${sql.join(conds, sql` AND `)}`;
    }
    case "eventsRecorded":
      return sql`${ctes}
        SELECT e.agreement_id, e.id AS event_id, NULL::uuid AS proposal_id FROM status_events e JOIN scope s ON s.id = e.agreement_id
        WHERE ${recordedBy(q, sql`e.recorded_at`)}
          ${d.month ? sql`AND to_char(e.recorded_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') = ${d.month}` : sql``}
          ${d.correction ? sql`AND (e.supersedes_id IS NOT NULL) = ${d.correction === "1"}` : sql``}`;
    case "unsourcedEvents":
      return sql`${ctes}
        SELECT t.agreement_id, t.event_id, NULL::uuid AS proposal_id FROM tl t JOIN scope s ON s.id = t.agreement_id
        WHERE NOT t.has_source`;
    case "unsourcedAgreements":
      return sql`${ctes}
        SELECT s.id AS agreement_id, NULL::uuid AS event_id, NULL::uuid AS proposal_id FROM scope s WHERE NOT ${agreementHasSourceSql(q)}`;
    case "proposals": {
      const filtered = Object.keys(q.filters).length > 0;
      const decided = sql`p.status IN ('approved', 'rejected') AND p.decided_at IS NOT NULL AND ${recordedBy(q, sql`p.decided_at`)}`;
      const month = (column: SQL) => (d.month ? sql`AND to_char(${column} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') = ${d.month}` : sql``);
      // "open": neither decided nor withdrawn (by the as-recorded day), as curationMetrics counts them.
      const outcome =
        d.outcome === "approved" || d.outcome === "rejected"
          ? sql`AND p.status = ${d.outcome}::proposal_status AND ${decided} ${month(sql`p.decided_at`)}`
          : d.outcome === "open"
            ? sql`AND NOT (${decided}) AND NOT (p.status = 'withdrawn' AND ${recordedBy(q, sql`p.updated_at`)}) ${month(sql`p.created_at`)}`
            : month(sql`p.created_at`);
      return sql`${ctes}
        SELECT p.agreement_id, NULL::uuid AS event_id, p.id AS proposal_id FROM proposals p
        WHERE ${filtered ? sql`p.agreement_id IN (SELECT id FROM scope)` : sql`true`} AND ${recordedBy(q, sql`p.created_at`)} ${outcome}
          AND ${readableProposals(reader, { author: sql`p.author_id`, organization: sql`p.organization_id` })}`;
    }
  }
}

/** The agreements (with the event and its sources) behind one bar, point or count, as `reader` may see them. */
export async function drilldown(db: Db, reader: Reader, spec: DrilldownInput, now: Date = new Date()): Promise<Drilldown> {
  const q = resolveQuery(spec, now);
  const page = spec.page ?? 1;
  const keys = await keysSql(db, q, spec, reader);
  const rows = await queryRows<Key & { total: number }>(
    db,
    sql`SELECT k.*, (count(*) OVER ())::int AS total FROM (${keys}) k
      LEFT JOIN agreements a ON a.id = k.agreement_id
      LEFT JOIN organizations so ON so.id = a.swedish_org_id
      LEFT JOIN organizations fo ON fo.id = a.foreign_org_id
      ORDER BY so.name NULLS LAST, fo.name, a.kind, k.event_id, k.proposal_id
      LIMIT ${DRILLDOWN_PAGE_SIZE}::int OFFSET ${(page - 1) * DRILLDOWN_PAGE_SIZE}::int`,
  );
  const total = rows[0]?.total ?? 0;
  return { query: q, spec, total, page, pageSize: DRILLDOWN_PAGE_SIZE, rows: await details(db, q, rows) };
}

/** Every key behind a cell, unpaged: for tests and exports. */
export async function drilldownKeys(db: Db, reader: Reader, spec: DrilldownInput, now: Date = new Date()): Promise<Key[]> {
  return queryRows<Key>(db, await keysSql(db, resolveQuery(spec, now), spec, reader));
}

async function details(db: Db, q: DashboardQuery, keys: Key[]): Promise<DrilldownRow[]> {
  const agreementIds = [...new Set(keys.map((k) => k.agreement_id).filter((id): id is string => !!id))];
  const eventIds = keys.map((k) => k.event_id).filter((id): id is string => !!id);
  const proposalIds = keys.map((k) => k.proposal_id).filter((id): id is string => !!id);

  // Four independent look-ups for one page of rows, side by side; the province walk starts from
  // this page's foreign parties only.
  const [agreements, events, eventSourceRows, proposalRows] = await Promise.all([
    agreementIds.length
      ? queryRows<DrilldownAgreement>(
          db,
          sql`WITH RECURSIVE up AS (
            SELECT o.id AS org_id, o.id, o.parent_id, o.level, 0 AS depth FROM organizations o
            WHERE o.id IN (SELECT foreign_org_id FROM agreements WHERE id = ANY(${uuidArray(agreementIds)}))
            UNION ALL
            SELECT up.org_id, p.id, p.parent_id, p.level, up.depth + 1 FROM up JOIN organizations p ON p.id = up.parent_id
            WHERE (up.level IS NULL OR up.level NOT IN (${sqlList(PROVINCE_LEVELS)})) AND up.depth < 10
          ), foreign_province AS (
            SELECT DISTINCT ON (org_id) org_id, id AS province_id FROM up WHERE level IN (${sqlList(PROVINCE_LEVELS)}) ORDER BY org_id, depth
          )
          SELECT a.id, a.kind, so.name AS "swedishName", so.kind AS "swedishKind", c.name AS "countyName",
            fo.name AS "foreignName", fo.name_native AS "foreignNameNative", pr.name AS "provinceName"
          FROM agreements a
          JOIN organizations so ON so.id = a.swedish_org_id
          LEFT JOIN counties c ON c.code = so.county_code
          JOIN organizations fo ON fo.id = a.foreign_org_id
          LEFT JOIN foreign_province fp ON fp.org_id = fo.id
          LEFT JOIN organizations pr ON pr.id = fp.province_id
          WHERE a.id = ANY(${uuidArray(agreementIds)})`,
        )
      : [],
    eventIds.length ? db.select().from(statusEvents).where(sql`${statusEvents.id} = ANY(${uuidArray(eventIds)})`) : [],
    eventIds.length
      ? db
          .select({ eventId: eventSources.eventId, quote: eventSources.quote, page: eventSources.page, source: sources })
          .from(eventSources)
          .innerJoin(sources, sql`${sources.id} = ${eventSources.sourceId}`)
          .where(and(sql`${eventSources.eventId} = ANY(${uuidArray(eventIds)})`, recordedBy(q, sql`${eventSources.createdAt}`)))
      : [],
    proposalIds.length
      ? queryRows<DrilldownProposal>(
          db,
          sql`SELECT id, kind, status, summary, created_at::text AS "createdAt", decided_at::text AS "decidedAt" FROM proposals WHERE id = ANY(${uuidArray(proposalIds)})`,
        )
      : [],
  ]);

  const agreementById = new Map(agreements.map((a) => [a.id, a]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const proposalById = new Map(proposalRows.map((p) => [p.id, p]));
  const sourcesByEvent = new Map<string, DrilldownSource[]>();
  for (const { eventId, source, quote, page } of eventSourceRows) sourcesByEvent.set(eventId, [...(sourcesByEvent.get(eventId) ?? []), { source, quote, page }]);
  return keys.map((k) => ({
    agreement: k.agreement_id ? (agreementById.get(k.agreement_id) ?? null) : null,
    event: k.event_id ? (eventById.get(k.event_id) ?? null) : null,
    sources: k.event_id ? (sourcesByEvent.get(k.event_id) ?? []) : [],
    proposal: k.proposal_id ? (proposalById.get(k.proposal_id) ?? null) : null,
  }));
}
