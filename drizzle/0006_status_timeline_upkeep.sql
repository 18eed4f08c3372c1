-- The status log in the order of the world (db/schema/timeline.ts), derived from status_events
-- by one function, kept up to date by a trigger in the same transaction as every insert of
-- events. The dashboards count its rows; as-recorded time travel calls the function directly
-- with a recording cut-off.
--
-- The ordering rule is that of lib/events/timeline.ts: an event's place is its effective date,
-- or, for an undated event, the latest effective date among the agreement's events recorded
-- before it (by seq, superseded ones included); ties keep the order of recording. Events that
-- a correction (recorded by the cut-off) supersedes are left out. has_source: the event cites a
-- source (linked by the cut-off).
CREATE FUNCTION status_timeline_of(p_agreements uuid[], p_recorded_until timestamptz, p_sources boolean DEFAULT true)
RETURNS SETOF status_timeline
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  known text := 'true';
  corrections text := 'c.supersedes_id IS NOT NULL';
  links text := 'true';
  sourced text := 'false';
  sources_join text := '';
BEGIN
  IF p_agreements IS NOT NULL THEN
    known := known || ' AND e.agreement_id = ANY($1)';
    corrections := corrections || ' AND c.agreement_id = ANY($1)';
  END IF;
  IF p_recorded_until IS NOT NULL THEN
    known := known || ' AND e.recorded_at <= $2';
    corrections := corrections || ' AND c.recorded_at <= $2';
    links := 'es.created_at <= $2';
  END IF;
  -- has_source (p_sources false: left false, for callers that do not read it). For a few
  -- agreements, one index probe per event; for many, one hash join.
  IF p_sources AND p_agreements IS NOT NULL AND cardinality(p_agreements) <= 2000 THEN
    sourced := format('EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = p.id AND %s)', links);
  ELSIF p_sources THEN
    sourced := 'src.event_id IS NOT NULL';
    sources_join := format('LEFT JOIN (SELECT DISTINCT es.event_id FROM event_sources es WHERE %s) src ON src.event_id = p.id', links);
  END IF;
  -- The window that places undated events runs over every event recorded (superseded ones
  -- included, as lib/events does); corrections are filtered out after it, then ordered again.
  RETURN QUERY EXECUTE format($q$
    SELECT p.id, p.agreement_id, p.seq, p.status,
      CASE
        WHEN p.status IN ('terminated', 'terminated_by_counterpart', 'expired')
          THEN CASE WHEN p.effective_on IS NULL THEN 'ended_unknown' ELSE 'ended' END
        WHEN p.status IN ('active', 'resumed') THEN 'active'
        ELSE p.status::text
      END,
      p.effective_on, p.sort_date, p.next_sort_date,
      extract(year FROM p.sort_date)::smallint, extract(year FROM p.next_sort_date)::smallint,
      p.is_last, p.initiated_by, p.reasons, %s
    FROM (
      SELECT l.*, lead(l.sort_date) OVER w AS next_sort_date, lead(l.seq) OVER w IS NULL AS is_last
      FROM (
        SELECT k.* FROM (
          SELECT e.id, e.agreement_id, e.seq, e.status, e.effective_on, e.initiated_by, e.reasons,
            coalesce(e.effective_on,
              max(e.effective_on) OVER (PARTITION BY e.agreement_id ORDER BY e.seq ROWS UNBOUNDED PRECEDING)) AS sort_date
          FROM status_events e
          WHERE %s
        ) k
        WHERE k.id NOT IN (SELECT c.supersedes_id FROM status_events c WHERE %s)
      ) l
      WINDOW w AS (PARTITION BY l.agreement_id ORDER BY l.sort_date ASC NULLS FIRST, l.seq)
    ) p
    %s
  $q$, sourced, known, corrections, sources_join) USING p_agreements, p_recorded_until;
END;
$fn$;
--> statement-breakpoint
-- Writers of one agreement's timeline take turns: a transaction-scoped lock per hash bucket of
-- the agreement id, taken in order, so that each recomputation (or source flag) sees what the
-- other one committed.
CREATE FUNCTION status_timeline_lock(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  bucket int;
BEGIN
  FOR bucket IN SELECT DISTINCT hashtext(a::text) & 1023 FROM unnest(ids) AS a ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(20221, bucket);
  END LOOP;
END;
$fn$;
--> statement-breakpoint
CREATE FUNCTION status_timeline_upkeep() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT agreement_id) INTO ids FROM inserted;
  IF ids IS NULL THEN
    RETURN NULL; -- nothing inserted (e.g. ON CONFLICT DO NOTHING)
  END IF;
  PERFORM status_timeline_lock(ids);
  DELETE FROM status_timeline WHERE agreement_id = ANY(ids);
  INSERT INTO status_timeline SELECT * FROM status_timeline_of(ids, NULL);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER status_events_timeline_upkeep
  AFTER INSERT ON status_events
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION status_timeline_upkeep();
--> statement-breakpoint
-- A source linked to an event marks its timeline row (links are never removed).
CREATE FUNCTION status_timeline_source_upkeep() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT e.agreement_id) INTO ids FROM inserted i JOIN status_events e ON e.id = i.event_id;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM status_timeline_lock(ids);
  UPDATE status_timeline SET has_source = true
  WHERE NOT has_source AND event_id IN (SELECT event_id FROM inserted);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER event_sources_timeline_upkeep
  AFTER INSERT ON event_sources
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION status_timeline_source_upkeep();
--> statement-breakpoint
-- As recorded on a day, the dashboard may read status_timeline only if nothing was recorded
-- after that day: this index answers "any source linked since?" at once.
CREATE INDEX event_sources_created_at_idx ON event_sources (created_at);
--> statement-breakpoint
-- Corrections per month of recording, for the curation chart (a few per cent of the events).
CREATE INDEX status_events_corrections_recorded_idx ON status_events (recorded_at) WHERE supersedes_id IS NOT NULL;
--> statement-breakpoint
INSERT INTO status_timeline SELECT * FROM status_timeline_of(NULL, NULL);
