-- Confirmations ("nothing has changed") are a log like the others: INSERT only.
CREATE TRIGGER confirmations_append_only
  BEFORE UPDATE OR DELETE ON confirmations
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER confirmations_no_truncate
  BEFORE TRUNCATE ON confirmations
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
