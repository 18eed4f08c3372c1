CREATE TYPE "public"."campaign_message_kind" AS ENUM('initial', 'reminder', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."campaign_org_status" AS ENUM('no_recipient', 'queued', 'invited', 'delivered', 'failed', 'signed_in', 'confirmed', 'proposed');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "campaign_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "campaign_message_kind" NOT NULL,
	"outbox_message_id" uuid NOT NULL,
	"user_id" uuid,
	"to_address" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_organizations" (
	"campaign_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"last_contacted_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	"final_status" "campaign_org_status",
	"answered_at" timestamp with time zone,
	"signed_in_at" timestamp with time zone,
	CONSTRAINT "campaign_organizations_campaign_id_organization_id_pk" PRIMARY KEY("campaign_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"message_sv" text NOT NULL,
	"message_en" text,
	"selection" jsonb NOT NULL,
	"reminder_after_days" integer NOT NULL,
	"status" "campaign_status" DEFAULT 'open' NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"reminder_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_title_present" CHECK (length(btrim("campaigns"."title")) > 0),
	CONSTRAINT "campaigns_message_present" CHECK (length(btrim("campaigns"."message_sv")) > 0),
	CONSTRAINT "campaigns_reminder_days" CHECK ("campaigns"."reminder_after_days" BETWEEN 1 AND 365),
	CONSTRAINT "campaigns_closed_shape" CHECK (("campaigns"."status" = 'closed') = ("campaigns"."closed_at" IS NOT NULL AND "campaigns"."closed_by" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD CONSTRAINT "campaign_messages_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD CONSTRAINT "campaign_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD CONSTRAINT "campaign_messages_outbox_message_id_outbox_messages_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD CONSTRAINT "campaign_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_messages_campaign_idx" ON "campaign_messages" USING btree ("campaign_id","organization_id");--> statement-breakpoint
CREATE INDEX "campaign_organizations_org_idx" ON "campaign_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "campaigns_started_idx" ON "campaigns" USING btree ("started_at");--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written below (not generated; keep when renumbering): a campaign's messages are a log,
-- INSERT only; a closed campaign and its organisations' rows keep their record.
CREATE TRIGGER campaign_messages_append_only
  BEFORE UPDATE OR DELETE ON campaign_messages
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER campaign_messages_no_truncate
  BEFORE TRUNCATE ON campaign_messages
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE FUNCTION refuse_closed_campaign_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'campaigns' THEN
    IF TG_OP = 'DELETE' OR OLD.status = 'closed' THEN
      RAISE EXCEPTION 'campaign %: a campaign is not deleted, and a closed campaign keeps its record', OLD.id USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM campaigns c WHERE c.id = OLD.campaign_id AND c.status = 'closed') THEN
    RAISE EXCEPTION 'campaign %: a closed campaign keeps its record', OLD.campaign_id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER campaigns_keep_record
  BEFORE UPDATE OR DELETE ON campaigns
  FOR EACH ROW EXECUTE FUNCTION refuse_closed_campaign_change();
--> statement-breakpoint
CREATE TRIGGER campaign_organizations_keep_record
  BEFORE UPDATE OR DELETE ON campaign_organizations
  FOR EACH ROW EXECUTE FUNCTION refuse_closed_campaign_change();
