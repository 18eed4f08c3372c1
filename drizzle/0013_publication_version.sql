-- Published data has a version: one counter row that a deferred trigger bumps once per
-- transaction that changed any published table, at commit time (so the row lock is taken last and
-- held for the commit only: no lock-order deadlocks with the writers' own row locks). Every app
-- instance reads it per request and keys its cache on it, so a change made through any instance
-- is seen by all of them as soon as it is committed.
INSERT INTO publication_state (id, version, changed_at) VALUES (1, 1, now()) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_publication_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('avtal.publication_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('avtal.publication_bumped', txid_current()::text, true);
    UPDATE publication_state SET version = version + 1, changed_at = now() WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agreements_publication_version AFTER INSERT OR UPDATE OR DELETE ON agreements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER status_events_publication_version AFTER INSERT OR UPDATE OR DELETE ON status_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sources_publication_version AFTER INSERT OR UPDATE OR DELETE ON sources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agreement_sources_publication_version AFTER INSERT OR UPDATE OR DELETE ON agreement_sources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_sources_publication_version AFTER INSERT OR UPDATE OR DELETE ON event_sources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organizations_publication_version AFTER INSERT OR UPDATE OR DELETE ON organizations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER counties_publication_version AFTER INSERT OR UPDATE OR DELETE ON counties
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_releases_publication_version AFTER INSERT OR UPDATE OR DELETE ON data_releases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER app_settings_publication_version AFTER INSERT OR UPDATE OR DELETE ON app_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
-- The sources that exist when this runs are the report's, published in the report.
UPDATE sources SET visibility = 'public';
--> statement-breakpoint
-- Releases are snapshots: written once, never changed.
CREATE TRIGGER data_releases_append_only BEFORE UPDATE OR DELETE ON data_releases
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER data_releases_no_truncate BEFORE TRUNCATE ON data_releases
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER data_release_files_append_only BEFORE UPDATE OR DELETE ON data_release_files
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER data_release_files_no_truncate BEFORE TRUNCATE ON data_release_files
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
