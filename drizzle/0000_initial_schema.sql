CREATE TYPE "public"."agreement_kind" AS ENUM('twin_city', 'partnership', 'other');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('active', 'dormant', 'paused', 'terminated', 'terminated_by_counterpart', 'partially_terminated', 'expired', 'resumed');--> statement-breakpoint
CREATE TYPE "public"."foreign_level" AS ENUM('province', 'autonomous_region', 'municipality', 'special_administrative_region', 'prefecture_city', 'autonomous_prefecture', 'county_city', 'county');--> statement-breakpoint
CREATE TYPE "public"."initiator" AS ENUM('swedish_side', 'counterpart', 'both', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('kommun', 'region', 'lansstyrelse', 'foreign');--> statement-breakpoint
CREATE TYPE "public"."reason" AS ENUM('human_rights', 'chinese_state_conduct', 'lack_of_activity', 'other');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'analyst', 'reviewer', 'municipal_official');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('protocol', 'email', 'interview', 'article', 'official_document', 'web_page', 'publication');--> statement-breakpoint
CREATE TABLE "counties" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"official_code" text,
	"county_code" text,
	"name_native" text,
	"level" "foreign_level",
	"parent_id" uuid,
	"country_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_present" CHECK (length(btrim("organizations"."name")) > 0),
	CONSTRAINT "organizations_country_code_format" CHECK ("organizations"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organizations_swedish_shape" CHECK (("organizations"."kind" = 'foreign') OR ("organizations"."country_code" = 'SE' AND "organizations"."official_code" IS NOT NULL AND "organizations"."county_code" IS NOT NULL AND "organizations"."level" IS NULL)),
	CONSTRAINT "organizations_foreign_shape" CHECK (("organizations"."kind" <> 'foreign') OR ("organizations"."country_code" <> 'SE' AND "organizations"."county_code" IS NULL)),
	CONSTRAINT "organizations_not_own_parent" CHECK ("organizations"."parent_id" IS NULL OR "organizations"."parent_id" <> "organizations"."id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" "role"[] NOT NULL,
	"organization_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_has_role" CHECK (cardinality("users"."roles") > 0),
	CONSTRAINT "users_official_has_organization" CHECK (NOT ('municipal_official' = ANY("users"."roles")) OR "users"."organization_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swedish_org_id" uuid NOT NULL,
	"foreign_org_id" uuid NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"designation" text,
	"established_on" date,
	"established_precision" date_precision DEFAULT 'unknown' NOT NULL,
	"funding" text,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "agreements_parties_differ" CHECK ("agreements"."swedish_org_id" <> "agreements"."foreign_org_id"),
	CONSTRAINT "agreements_established_precision" CHECK ((
    ("agreements"."established_precision" = 'unknown' AND "agreements"."established_on" IS NULL) OR
    ("agreements"."established_precision" = 'day' AND "agreements"."established_on" IS NOT NULL) OR
    ("agreements"."established_precision" = 'month' AND "agreements"."established_on" IS NOT NULL AND extract(day FROM "agreements"."established_on") = 1) OR
    ("agreements"."established_precision" = 'year' AND "agreements"."established_on" IS NOT NULL AND extract(day FROM "agreements"."established_on") = 1 AND extract(month FROM "agreements"."established_on") = 1)
  )),
	CONSTRAINT "agreements_version_positive" CHECK ("agreements"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_sources" (
	"agreement_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"quote" text,
	"page" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "agreement_sources_agreement_id_source_id_pk" PRIMARY KEY("agreement_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "source_kind" NOT NULL,
	"citation" text NOT NULL,
	"title" text,
	"body" text,
	"meeting_date" date,
	"paragraph" text,
	"diarienummer" text,
	"correspondent" text,
	"interview_number" integer,
	"interviewer" text,
	"outlet" text,
	"author" text,
	"issuer" text,
	"date" date,
	"date_precision" date_precision DEFAULT 'unknown' NOT NULL,
	"published_on" date,
	"url" text,
	"retrieved_on" date,
	"footnotes" integer[] DEFAULT '{}'::int[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_citation_present" CHECK (length(btrim("sources"."citation")) > 0),
	CONSTRAINT "sources_protocol_fields" CHECK ("sources"."kind" <> 'protocol' OR "sources"."body" IS NOT NULL),
	CONSTRAINT "sources_email_fields" CHECK ("sources"."kind" <> 'email' OR ("sources"."correspondent" IS NOT NULL AND "sources"."date" IS NOT NULL)),
	CONSTRAINT "sources_interview_fields" CHECK ("sources"."kind" <> 'interview' OR ("sources"."interview_number" IS NOT NULL AND "sources"."date" IS NOT NULL AND "sources"."interviewer" IS NOT NULL)),
	CONSTRAINT "sources_article_fields" CHECK ("sources"."kind" <> 'article' OR ("sources"."outlet" IS NOT NULL AND "sources"."title" IS NOT NULL)),
	CONSTRAINT "sources_official_document_fields" CHECK ("sources"."kind" <> 'official_document' OR ("sources"."issuer" IS NOT NULL AND "sources"."title" IS NOT NULL)),
	CONSTRAINT "sources_web_page_fields" CHECK ("sources"."kind" <> 'web_page' OR "sources"."url" IS NOT NULL),
	CONSTRAINT "sources_publication_fields" CHECK ("sources"."kind" <> 'publication' OR "sources"."title" IS NOT NULL),
	CONSTRAINT "sources_date_precision" CHECK ((
    ("sources"."date_precision" = 'unknown' AND "sources"."date" IS NULL) OR
    ("sources"."date_precision" = 'day' AND "sources"."date" IS NOT NULL) OR
    ("sources"."date_precision" = 'month' AND "sources"."date" IS NOT NULL AND extract(day FROM "sources"."date") = 1) OR
    ("sources"."date_precision" = 'year' AND "sources"."date" IS NOT NULL AND extract(day FROM "sources"."date") = 1 AND extract(month FROM "sources"."date") = 1)
  )),
	CONSTRAINT "sources_retrieved_needs_url" CHECK ("sources"."retrieved_on" IS NULL OR "sources"."url" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "event_sources" (
	"event_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"quote" text,
	"page" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "event_sources_event_id_source_id_pk" PRIMARY KEY("event_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"agreement_id" uuid NOT NULL,
	"status" "event_status" NOT NULL,
	"effective_on" date,
	"effective_precision" date_precision NOT NULL,
	"reasons" "reason"[] DEFAULT '{}'::reason[] NOT NULL,
	"reason_other" text,
	"decided_by" text,
	"initiated_by" "initiator" DEFAULT 'unknown' NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	CONSTRAINT "status_events_seq_unique" UNIQUE("seq"),
	CONSTRAINT "status_events_effective_precision" CHECK ((
    ("status_events"."effective_precision" = 'unknown' AND "status_events"."effective_on" IS NULL) OR
    ("status_events"."effective_precision" = 'day' AND "status_events"."effective_on" IS NOT NULL) OR
    ("status_events"."effective_precision" = 'month' AND "status_events"."effective_on" IS NOT NULL AND extract(day FROM "status_events"."effective_on") = 1) OR
    ("status_events"."effective_precision" = 'year' AND "status_events"."effective_on" IS NOT NULL AND extract(day FROM "status_events"."effective_on") = 1 AND extract(month FROM "status_events"."effective_on") = 1)
  )),
	CONSTRAINT "status_events_other_reason_text" CHECK (NOT ('other' = ANY("status_events"."reasons")) OR "status_events"."reason_other" IS NOT NULL),
	CONSTRAINT "status_events_correction_has_reason" CHECK ("status_events"."supersedes_id" IS NULL OR length(btrim(coalesce("status_events"."correction_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changed_fields" text[] NOT NULL,
	"reason" text,
	"proposal_id" uuid
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_swedish_org_id_organizations_id_fk" FOREIGN KEY ("swedish_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_foreign_org_id_organizations_id_fk" FOREIGN KEY ("foreign_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_event_id_status_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."status_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_supersedes_id_status_events_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."status_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_kind_code_key" ON "organizations" USING btree ("kind","official_code");--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organizations_county_idx" ON "organizations" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "agreements_swedish_org_idx" ON "agreements" USING btree ("swedish_org_id");--> statement-breakpoint
CREATE INDEX "agreements_foreign_org_idx" ON "agreements" USING btree ("foreign_org_id");--> statement-breakpoint
CREATE INDEX "agreement_sources_source_idx" ON "agreement_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "sources_url_idx" ON "sources" USING btree ("url");--> statement-breakpoint
CREATE INDEX "sources_diarienummer_idx" ON "sources" USING btree ("body","diarienummer");--> statement-breakpoint
CREATE INDEX "event_sources_source_idx" ON "event_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "status_events_agreement_idx" ON "status_events" USING btree ("agreement_id","effective_on");--> statement-breakpoint
CREATE INDEX "status_events_recorded_at_idx" ON "status_events" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "status_events_supersedes_idx" ON "status_events" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "revisions_entity_idx" ON "revisions" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "revisions_actor_idx" ON "revisions" USING btree ("actor_id","at");