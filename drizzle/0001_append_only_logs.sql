-- History is the truth: the status log, its evidence links and the revision log accept
-- INSERT only. Corrections are new rows (status_events.supersedes_id), never edits.
CREATE FUNCTION refuse_history_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Record a new event that supersedes the wrong one.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER status_events_append_only
  BEFORE UPDATE OR DELETE ON status_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER status_events_no_truncate
  BEFORE TRUNCATE ON status_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER event_sources_append_only
  BEFORE UPDATE OR DELETE ON event_sources
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER revisions_append_only
  BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER revisions_no_truncate
  BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
