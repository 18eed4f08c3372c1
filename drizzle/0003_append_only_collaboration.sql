-- The audit log, evidence claims and preferences, proposal versions and comments are
-- history too: INSERT only (refuse_history_rewrite is defined in 0001).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER field_claims_append_only BEFORE UPDATE OR DELETE ON field_claims
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER claim_preferences_append_only BEFORE UPDATE OR DELETE ON claim_preferences
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER proposal_versions_append_only BEFORE UPDATE OR DELETE ON proposal_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER proposal_comments_append_only BEFORE UPDATE OR DELETE ON proposal_comments
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
