CREATE TYPE "public"."source_visibility" AS ENUM('public', 'internal', 'confidential');--> statement-breakpoint
CREATE TABLE "data_release_files" (
	"release_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	CONSTRAINT "data_release_files_release_id_name_pk" PRIMARY KEY("release_id","name")
);
--> statement-breakpoint
CREATE TABLE "data_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"note" text NOT NULL,
	"changes" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"data_as_of" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_releases_version_unique" UNIQUE("version"),
	CONSTRAINT "data_releases_version_format" CHECK ("data_releases"."version" ~ '^[0-9]{4}\.[1-9][0-9]*$'),
	CONSTRAINT "data_releases_note_present" CHECK (length(btrim("data_releases"."note")) > 0)
);
--> statement-breakpoint
CREATE TABLE "publication_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "visibility" "source_visibility" DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_release_files" ADD CONSTRAINT "data_release_files_release_id_data_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."data_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_releases" ADD CONSTRAINT "data_releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_releases_published_idx" ON "data_releases" USING btree ("published_at");