import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { DatePrecision, SourceKind } from "../domain/enums";

export interface SourceListRow {
  id: string;
  kind: SourceKind;
  citation: string;
  title: string | null;
  url: string | null;
  date: string | null;
  datePrecision: DatePrecision;
  meetingDate: string | null;
  publishedOn: string | null;
  /** Agreements whose live events or whose own evidence cite the source (a superseded event is no longer a use). */
  agreementCount: number;
  /** Live events citing the source: an event a correction superseded does not count, its correction does. */
  eventCount: number;
  attachmentCount: number;
}

/** What the status-change form's picker shows of a source. */
export interface SourcePick {
  id: string;
  kind: SourceKind;
  citation: string;
  title: string | null;
  agreementCount: number;
}

export interface SourceSearch {
  q?: string;
  kind?: SourceKind | null;
  limit?: number;
  offset?: number;
}

/** An event that no correction has superseded: only these count as a source's uses (`e` is the event). */
export const LIVE_EVENT = sql`NOT EXISTS (SELECT 1 FROM status_events c WHERE c.supersedes_id = e.id)`;

const SEARCHED = sql`concat_ws(' ', s.citation, s.title, s.body, s.paragraph, s.diarienummer, s.correspondent, s.interviewer, s.outlet, s.author, s.issuer, s.url)`;

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every word must occur somewhere in the source's fields (case-insensitive). */
function matches(q: string | undefined): SQL {
  const terms = (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (terms.length === 0) return sql`true`;
  return sql.join(
    terms.map((t) => sql`${SEARCHED} ILIKE ${`%${escapeLike(t)}%`}`),
    sql` AND `,
  );
}

/** Sources matching a search, with how much they are used; newest first, then by reference. */
export async function searchSources(db: Db, search: SourceSearch = {}): Promise<{ rows: SourceListRow[]; total: number }> {
  const limit = Math.min(Math.max(search.limit ?? 50, 1), 200);
  const offset = Math.max(search.offset ?? 0, 0);
  const where = sql`${matches(search.q)} AND (${search.kind ?? null}::source_kind IS NULL OR s.kind = ${search.kind ?? null}::source_kind)`;
  const rows = await queryRows<SourceListRow & { total: number }>(
    db,
    sql`
    SELECT s.id, s.kind, s.citation, s.title, s.url, s.date::text AS date, s.date_precision AS "datePrecision",
      s.meeting_date::text AS "meetingDate", s.published_on::text AS "publishedOn",
      (SELECT count(DISTINCT x.agreement_id)::int FROM (
         SELECT e.agreement_id FROM event_sources es JOIN status_events e ON e.id = es.event_id WHERE es.source_id = s.id AND ${LIVE_EVENT}
         UNION SELECT ags.agreement_id FROM agreement_sources ags WHERE ags.source_id = s.id
         UNION SELECT fc.agreement_id FROM field_claims fc WHERE fc.source_id = s.id) x) AS "agreementCount",
      (SELECT count(*)::int FROM event_sources es JOIN status_events e ON e.id = es.event_id WHERE es.source_id = s.id AND ${LIVE_EVENT}) AS "eventCount",
      (SELECT count(*)::int FROM source_attachments sa WHERE sa.source_id = s.id) AS "attachmentCount",
      count(*) OVER ()::int AS total
    FROM sources s
    WHERE ${where}
    ORDER BY s.created_at DESC, s.citation
    LIMIT ${limit} OFFSET ${offset}`,
  );
  const total = rows[0]?.total ?? (offset > 0 ? (await countSources(db, where)) : 0);
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

async function countSources(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sources s WHERE ${where}`);
  return row?.n ?? 0;
}
