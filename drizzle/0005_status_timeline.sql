CREATE TABLE "status_timeline" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"status" "event_status" NOT NULL,
	"state" text NOT NULL,
	"effective_on" date,
	"sort_date" date,
	"next_sort_date" date,
	"from_year" smallint,
	"to_year" smallint,
	"is_last" boolean NOT NULL,
	"initiated_by" "initiator" NOT NULL,
	"reasons" "reason"[] NOT NULL,
	"has_source" boolean NOT NULL,
	CONSTRAINT "status_timeline_state" CHECK ("status_timeline"."state" IN ('active', 'dormant', 'paused', 'partially_terminated', 'ended', 'ended_unknown'))
);
--> statement-breakpoint
CREATE INDEX "status_timeline_agreement_idx" ON "status_timeline" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "status_timeline_last_idx" ON "status_timeline" USING btree ("agreement_id") WHERE "status_timeline"."is_last";--> statement-breakpoint
CREATE INDEX "status_timeline_sourced_idx" ON "status_timeline" USING btree ("agreement_id") WHERE "status_timeline"."has_source";--> statement-breakpoint
CREATE INDEX "status_timeline_in_force_idx" ON "status_timeline" USING btree ("agreement_id","state","from_year","to_year") WHERE "status_timeline"."state" <> 'ended' AND "status_timeline"."sort_date" IS NOT NULL AND ("status_timeline"."to_year" IS NULL OR "status_timeline"."to_year" > "status_timeline"."from_year");--> statement-breakpoint
CREATE INDEX "status_timeline_changes_idx" ON "status_timeline" USING btree ("status","effective_on","initiated_by","reasons","agreement_id") WHERE "status_timeline"."status" IN ('terminated', 'terminated_by_counterpart', 'expired', 'paused', 'partially_terminated');