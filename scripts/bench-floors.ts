// The floors of `npm run bench`: for each series, the best plain SQL written by hand for the same
// numbers as the app's computation, on the same tables and indexes, with the bench's parameters
// inlined (1972–2021, as of 2010-06-30, as recorded on 2024-01-01, county 01). Each comes with a
// normaliser that puts its rows in the same shape as the app's result, so the bench can check that
// both give the same numbers. The "raw" floors compute from status_events alone, without the
// derived status_timeline table, to show what that table buys.

type Row = Record<string, unknown>;
export interface Floor {
  /** Candidate queries for the same numbers; the bench times each and takes the fastest as the floor. */
  sql: string | string[];
  shape: "inForce" | "changes" | "now" | "curation" | "drilldown";
  normalise: (rows: Row[]) => string;
}

const sortLines = (lines: string[]) => lines.sort().join("\n");
const lines = (rows: Row[], keys: string[]) =>
  sortLines(rows.filter((r) => Number(r.count) !== 0).map((r) => keys.map((k) => String(r[k] ?? "null")).join("|") + "|" + Number(r.count)));

const ENDINGS = `'terminated', 'terminated_by_counterpart', 'expired'`;
const PROVINCE_LEVELS = `'province', 'autonomous_region', 'municipality', 'special_administrative_region'`;
const cutoff = (day: string) => `((('${day}'::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm') - interval '1 microsecond')`;

/** In force per year by kind and state, from rows (agreement_id, state, from_year, to_year). */
function inForceFrom(timeline: string, from: number, to: number, asOf?: string): string {
  // Without an as-of day, intervals within one year never hold at a year's end: said, so that the partial index serves.
  const cap = asOf ? `AND t.sort_date <= '${asOf}'` : "AND (t.to_year IS NULL OR t.to_year > t.from_year)";
  const y1 = asOf ? `CASE WHEN t.next_sort_date <= '${asOf}' THEN t.to_year END` : "t.to_year";
  return `
    WITH iv AS (
      SELECT a.kind, t.state, greatest(t.from_year, ${from}) AS y0, ${y1} AS y1, count(*) AS n
      FROM ${timeline} t JOIN agreements a ON a.id = t.agreement_id
      WHERE t.state <> 'ended' AND t.sort_date IS NOT NULL AND t.from_year <= ${to} ${cap}
      GROUP BY 1, 2, 3, 4
    ), d AS (
      SELECT v.y, kind, state, sum(v.d * n)::int AS d
      FROM iv, LATERAL (VALUES (y0, 1), (y1, -1)) AS v(y, d)
      WHERE (y1 IS NULL OR y1 > y0) AND v.y <= ${to}
      GROUP BY 1, 2, 3
    )
    SELECT g.y AS year, k.kind, k.state, (sum(coalesce(d.d, 0)) OVER (PARTITION BY k.kind, k.state ORDER BY g.y))::int AS count
    FROM generate_series(${from}, ${to}) g(y) CROSS JOIN (SELECT DISTINCT kind, state FROM d) k
    LEFT JOIN d ON d.y = g.y AND d.kind = k.kind AND d.state = k.state`;
}

/** The timeline rows computed from status_events (optionally only those recorded by a cut-off), as a subquery. */
function rawTimeline(recordedUntil?: string, onlyAgreements?: string): string {
  const known = [recordedUntil ? `e.recorded_at <= ${recordedUntil}` : "", onlyAgreements ? `e.agreement_id = ANY(ARRAY(${onlyAgreements}))` : ""].filter(Boolean);
  const knownWhere = known.length ? `WHERE ${known.join(" AND ")}` : "";
  return `(
    SELECT l.agreement_id, l.sort_date,
      lead(l.sort_date) OVER w AS next_sort_date, lead(l.seq) OVER w IS NULL AS is_last,
      extract(year FROM l.sort_date)::int AS from_year, extract(year FROM lead(l.sort_date) OVER w)::int AS to_year,
      l.reasons,
      CASE WHEN l.status IN (${ENDINGS}) THEN CASE WHEN l.effective_on IS NULL THEN 'ended_unknown' ELSE 'ended' END
           WHEN l.status IN ('active', 'resumed') THEN 'active' ELSE l.status::text END AS state
    FROM (
      SELECT k.* FROM (
        SELECT e.agreement_id, e.id, e.seq, e.status, e.effective_on, e.supersedes_id, e.reasons,
          coalesce(e.effective_on, max(e.effective_on) OVER (PARTITION BY e.agreement_id ORDER BY e.seq ROWS UNBOUNDED PRECEDING)) AS sort_date
        FROM status_events e ${knownWhere}
      ) k
      WHERE k.id NOT IN (SELECT c.supersedes_id FROM status_events c WHERE c.supersedes_id IS NOT NULL ${recordedUntil ? `AND c.recorded_at <= ${recordedUntil}` : ""})
    ) l
    WINDOW w AS (PARTITION BY l.agreement_id ORDER BY l.sort_date ASC NULLS FIRST, l.seq)
  )`;
}

/** Now-counts by state, kind, party type, county, province and ending reason over `current` (agreement_id, state, reasons). */
function nowFrom(current: string, where = "true"): string {
  return `
    WITH fp AS (
      WITH RECURSIVE up AS (
        SELECT o.id AS org_id, o.id, o.parent_id, o.level, 0 AS depth FROM organizations o WHERE o.kind = 'foreign'
        UNION ALL
        SELECT up.org_id, p.id, p.parent_id, p.level, up.depth + 1 FROM up JOIN organizations p ON p.id = up.parent_id
        WHERE (up.level IS NULL OR up.level NOT IN (${PROVINCE_LEVELS})) AND up.depth < 10
      )
      SELECT DISTINCT ON (org_id) org_id, id AS province_id FROM up WHERE level IN (${PROVINCE_LEVELS}) ORDER BY org_id, depth
    ), cur AS (
      SELECT a.kind::text AS kind, s.kind::text AS party_type, s.county_code, fp.province_id::text AS province_id,
        coalesce(c.state, 'none') AS state, c.reasons
      FROM agreements a JOIN organizations s ON s.id = a.swedish_org_id
      LEFT JOIN fp ON fp.org_id = a.foreign_org_id
      LEFT JOIN ${current} c ON c.agreement_id = a.id
      WHERE ${where}
    )
    SELECT CASE WHEN grouping(kind) = 0 THEN 'kind' WHEN grouping(party_type) = 0 THEN 'partyType'
        WHEN grouping(county_code) = 0 THEN 'county' WHEN grouping(province_id) = 0 THEN 'province' ELSE 'state' END AS dimension,
      coalesce(kind, party_type, county_code, province_id, CASE WHEN grouping(province_id) = 0 THEN NULL ELSE state END) AS value,
      state, count(*)::int AS count
    FROM cur GROUP BY GROUPING SETS ((state), (kind, state), (party_type, state), (county_code, state), (province_id, state))
    UNION ALL
    SELECT 'endingReason', r, state, count(*)::int FROM cur, unnest(CASE WHEN cardinality(reasons) = 0 THEN ARRAY['none'] ELSE reasons::text[] END) r
    WHERE state IN ('ended', 'ended_unknown') GROUP BY 2, 3`;
}

const nowLines = (rows: Row[]) => lines(rows, ["dimension", "value", "state"]);

/** In force per year as recorded on a day: agreements created by then, events recorded by then. */
function recordedFloor(day: string): Floor {
  const until = cutoff(day);
  const created = (text: string) => text.replace("WHERE t.state <> 'ended'", `WHERE a.created_at <= ${until} AND t.state <> 'ended'`);
  const changed = `SELECT DISTINCT agreement_id FROM status_events WHERE recorded_at > ${until}`;
  return {
    sql: [
      // Every timeline computed from the events recorded by then.
      created(inForceFrom(rawTimeline(until), 1972, 2021)),
      // The table for the agreements nothing was recorded about since, computed for the others.
      created(
        inForceFrom(
          `(SELECT agreement_id, state, from_year, to_year, sort_date, next_sort_date FROM status_timeline WHERE agreement_id NOT IN (${changed})
            UNION ALL SELECT agreement_id, state, from_year, to_year, sort_date, next_sort_date FROM ${rawTimeline(until, changed)} r)`,
          1972,
          2021,
        ),
      ),
    ],
    shape: "inForce",
    normalise: (r) => lines(r, ["year", "kind", "state"]),
  };
}

export const FLOORS = {
  inForce: { sql: inForceFrom("status_timeline", 1972, 2021), shape: "inForce", normalise: (r) => lines(r, ["year", "kind", "state"]) },
  inForceRaw: { sql: inForceFrom(rawTimeline(), 1972, 2021), shape: "inForce", normalise: (r) => lines(r, ["year", "kind", "state"]) },
  inForceAsOf: { sql: inForceFrom("status_timeline", 1972, 2010, "2010-06-30"), shape: "inForce", normalise: (r) => lines(r, ["year", "kind", "state"]) },
  inForceRecorded: recordedFloor("2024-01-01"),
  inForceRecordedLate: recordedFloor("2025-12-30"),
  changes: {
    sql: [
      `
      WITH ch AS (
        SELECT CASE WHEN e.status IN (${ENDINGS}) THEN 'ended' ELSE e.status::text END AS change,
          extract(year FROM e.effective_on)::int AS year, e.initiated_by::text AS initiator, e.reasons
        FROM status_events e
        WHERE e.status IN (${ENDINGS}, 'paused', 'partially_terminated')
          AND (e.effective_on IS NULL OR e.effective_on BETWEEN '1972-01-01' AND '2021-12-31')
          AND e.id NOT IN (SELECT c.supersedes_id FROM status_events c WHERE c.supersedes_id IS NOT NULL)
      )
      SELECT 'i' AS split, year, change, initiator AS value, count(*)::int AS count FROM ch GROUP BY 2, 3, 4
      UNION ALL
      SELECT 'r', year, change, r, count(*)::int FROM ch, unnest(CASE WHEN cardinality(reasons) = 0 THEN ARRAY['none'] ELSE reasons::text[] END) r GROUP BY 2, 3, 4`,
      // The same from the timeline table, whose partial index holds exactly these events.
      `
      WITH g AS (
        SELECT extract(year FROM effective_on)::int AS year,
          CASE WHEN status IN (${ENDINGS}) THEN 'ended' ELSE status::text END AS change, initiated_by::text AS initiator,
          count(*) AS n,
          count(*) FILTER (WHERE 'human_rights' = ANY(reasons)) AS human_rights,
          count(*) FILTER (WHERE 'chinese_state_conduct' = ANY(reasons)) AS chinese_state_conduct,
          count(*) FILTER (WHERE 'lack_of_activity' = ANY(reasons)) AS lack_of_activity,
          count(*) FILTER (WHERE 'other' = ANY(reasons)) AS other,
          count(*) FILTER (WHERE cardinality(reasons) = 0) AS none
        FROM status_timeline
        WHERE status IN (${ENDINGS}, 'paused', 'partially_terminated')
          AND (effective_on IS NULL OR effective_on BETWEEN '1972-01-01' AND '2021-12-31')
        GROUP BY 1, 2, 3
      )
      SELECT 'i' AS split, year, change, initiator AS value, n::int AS count FROM g
      UNION ALL
      SELECT 'r', year, change, r.reason, sum(r.n)::int FROM g,
        LATERAL (VALUES ('human_rights', human_rights), ('chinese_state_conduct', chinese_state_conduct),
          ('lack_of_activity', lack_of_activity), ('other', other), ('none', none)) AS r(reason, n)
      GROUP BY 2, 3, 4`,
    ],
    shape: "changes",
    normalise: (rows) => lines(rows, ["split", "year", "change", "value"]),
  },
  now: { sql: nowFrom("(SELECT agreement_id, state, reasons FROM status_timeline WHERE is_last)"), shape: "now", normalise: nowLines },
  nowRaw: { sql: nowFrom(`(SELECT agreement_id, state, reasons FROM ${rawTimeline()} x WHERE is_last)`), shape: "now", normalise: nowLines },
  nowAsOf: {
    sql: nowFrom(
      "(SELECT agreement_id, state, reasons FROM status_timeline WHERE sort_date <= '2010-06-30' AND (next_sort_date IS NULL OR next_sort_date > '2010-06-30'))",
    ),
    shape: "now",
    normalise: nowLines,
  },
  nowFiltered: {
    sql: nowFrom("(SELECT agreement_id, state, reasons FROM status_timeline WHERE is_last)", "s.county_code = '01' AND a.kind = 'twin_city'"),
    shape: "now",
    normalise: nowLines,
  },
  curation: {
    sql: [
      `
      WITH live AS (
        SELECT e.id, e.agreement_id FROM status_events e
        WHERE e.id NOT IN (SELECT c.supersedes_id FROM status_events c WHERE c.supersedes_id IS NOT NULL)
      ), sourced AS (SELECT DISTINCT event_id FROM event_sources),
      decided AS (SELECT * FROM proposals WHERE status IN ('approved', 'rejected') AND decided_at IS NOT NULL)
      SELECT 'month' AS k, to_char(recorded_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS a,
        count(*) FILTER (WHERE supersedes_id IS NULL) AS b, count(*) FILTER (WHERE supersedes_id IS NOT NULL) AS c, NULL::bigint AS d, NULL::float8 AS e
      FROM status_events GROUP BY 2
      UNION ALL
      SELECT 'proposals', m, sum(o), sum(ap), sum(rj), NULL FROM (
        SELECT to_char(created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS m, 1 AS o, 0 AS ap, 0 AS rj FROM proposals
        UNION ALL SELECT to_char(decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), 0, (status = 'approved')::int, (status = 'rejected')::int FROM decided
      ) x GROUP BY 2
      UNION ALL
      SELECT 'totals', NULL,
        count(*) FILTER (WHERE NOT (status IN ('approved', 'rejected') AND decided_at IS NOT NULL) AND status <> 'withdrawn'),
        count(*) FILTER (WHERE status = 'approved' AND decided_at IS NOT NULL),
        count(*) FILTER (WHERE status = 'rejected' AND decided_at IS NOT NULL),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 86400) FILTER (WHERE status IN ('approved', 'rejected') AND decided_at IS NOT NULL)
      FROM proposals
      UNION ALL
      SELECT 'withdrawn', NULL, count(*) FILTER (WHERE status = 'withdrawn'), NULL, NULL, NULL FROM proposals
      UNION ALL
      SELECT 'sources', NULL, (SELECT count(*) FROM live), (SELECT count(*) FROM live JOIN sourced ON sourced.event_id = live.id),
        (SELECT count(*) FROM agreements),
        (SELECT count(*) FROM (
          SELECT id FROM agreements
          EXCEPT SELECT agreement_id FROM agreement_sources
          EXCEPT SELECT live.agreement_id FROM live JOIN sourced ON sourced.event_id = live.id
        ) u)`,
      // The same from the timeline table and index-only counts per month.
      `
      WITH months AS (
        SELECT m AT TIME ZONE 'Europe/Stockholm' AS a, (m + interval '1 month') AT TIME ZONE 'Europe/Stockholm' AS b
        FROM generate_series(date_trunc('month', (SELECT min(recorded_at) FROM status_events) AT TIME ZONE 'Europe/Stockholm'),
          (SELECT max(recorded_at) FROM status_events) AT TIME ZONE 'Europe/Stockholm', interval '1 month') m
      ), decided AS (SELECT * FROM proposals WHERE status IN ('approved', 'rejected') AND decided_at IS NOT NULL)
      SELECT 'month' AS k, to_char(a AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS a, (n - c) AS b, c AS c, NULL::bigint AS d, NULL::float8 AS e
      FROM (SELECT a, (SELECT count(*) FROM status_events WHERE recorded_at >= months.a AND recorded_at < months.b) AS n,
              (SELECT count(*) FROM status_events WHERE supersedes_id IS NOT NULL AND recorded_at >= months.a AND recorded_at < months.b) AS c
            FROM months) x WHERE n > 0
      UNION ALL
      SELECT 'proposals', m, sum(o), sum(ap), sum(rj), NULL FROM (
        SELECT to_char(created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS m, 1 AS o, 0 AS ap, 0 AS rj FROM proposals
        UNION ALL SELECT to_char(decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), 0, (status = 'approved')::int, (status = 'rejected')::int FROM decided
      ) x GROUP BY 2
      UNION ALL
      SELECT 'totals', NULL,
        count(*) FILTER (WHERE NOT (status IN ('approved', 'rejected') AND decided_at IS NOT NULL) AND status <> 'withdrawn'),
        count(*) FILTER (WHERE status = 'approved' AND decided_at IS NOT NULL),
        count(*) FILTER (WHERE status = 'rejected' AND decided_at IS NOT NULL),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 86400) FILTER (WHERE status IN ('approved', 'rejected') AND decided_at IS NOT NULL)
      FROM proposals
      UNION ALL
      SELECT 'withdrawn', NULL, count(*) FILTER (WHERE status = 'withdrawn'), NULL, NULL, NULL FROM proposals
      UNION ALL
      SELECT 'sources', NULL, count(*), count(*) FILTER (WHERE has_source), (SELECT count(*) FROM agreements),
        (SELECT count(*) FROM agreements a WHERE NOT EXISTS (SELECT 1 FROM status_timeline t WHERE t.agreement_id = a.id AND t.has_source)
           AND a.id NOT IN (SELECT agreement_id FROM agreement_sources))
      FROM status_timeline`,
    ],
    shape: "curation",
    normalise: (rows) => {
      const of = (k: string) => rows.filter((r) => r.k === k);
      const n = (v: unknown) => Number(v);
      const totals = of("totals")[0]!;
      const sources = of("sources")[0]!;
      const median = totals.e == null ? null : Math.round(Number(totals.e) * 10) / 10;
      return JSON.stringify({
        months: of("month")
          .sort((x, y) => String(x.a).localeCompare(String(y.a)))
          .map((m) => `${m.a}|${n(m.b)}|${n(m.c)}`)
          .join(","),
        proposals: of("proposals")
          .sort((x, y) => String(x.a).localeCompare(String(y.a)))
          .map((m) => `${m.a}|${n(m.b)}|${n(m.c)}|${n(m.d)}`)
          .join(","),
        totals: [n(totals.b), n(totals.c), n(totals.d), n(of("withdrawn")[0]!.b), median].join("|"),
        sources: [n(sources.b), n(sources.c), n(sources.d), n(sources.e)].join("|"),
      });
    },
  },
  drilldown: {
    // The first page of the list behind a bar: agreements, parties, province, the event and its sources.
    sql: [
      `
      WITH page AS (
        SELECT t.agreement_id, t.event_id, a.kind, a.foreign_org_id, so.name AS swedish, so.county_code, fo.name AS foreign_name,
          count(*) OVER () AS total
        FROM status_timeline t
        JOIN agreements a ON a.id = t.agreement_id
        JOIN organizations so ON so.id = a.swedish_org_id
        JOIN organizations fo ON fo.id = a.foreign_org_id
        WHERE a.kind = 'twin_city' AND t.state <> 'ended' AND t.sort_date <= '2016-12-31' AND (t.next_sort_date IS NULL OR t.next_sort_date > '2016-12-31')
        ORDER BY so.name, fo.name, a.kind, t.event_id
        LIMIT 500
      ), fp AS (
        WITH RECURSIVE up AS (
          SELECT o.id AS org_id, o.id, o.parent_id, o.level, 0 AS depth FROM organizations o WHERE o.id IN (SELECT foreign_org_id FROM page)
          UNION ALL
          SELECT up.org_id, p.id, p.parent_id, p.level, up.depth + 1 FROM up JOIN organizations p ON p.id = up.parent_id
          WHERE (up.level IS NULL OR up.level NOT IN (${PROVINCE_LEVELS})) AND up.depth < 10
        )
        SELECT DISTINCT ON (org_id) org_id, id AS province_id FROM up WHERE level IN (${PROVINCE_LEVELS}) ORDER BY org_id, depth
      )
      SELECT page.*, c.name AS county, pr.name AS province, e.*, src.sources
      FROM page
      JOIN status_events e ON e.id = page.event_id
      LEFT JOIN counties c ON c.code = page.county_code
      LEFT JOIN fp ON fp.org_id = page.foreign_org_id LEFT JOIN organizations pr ON pr.id = fp.province_id
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('citation', s.citation, 'quote', es.quote, 'page', es.page)) AS sources
        FROM event_sources es JOIN sources s ON s.id = es.source_id WHERE es.event_id = page.event_id
      ) src ON true`,
    ],
    shape: "drilldown",
    normalise: (rows) => String(Number(rows[0]?.total ?? 0)),
  },
} satisfies Record<string, Floor>;
