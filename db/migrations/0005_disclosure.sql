CREATE TYPE "public"."disclosure_duration" AS ENUM('days', 'permanent', 'none');--> statement-breakpoint
CREATE TYPE "public"."disclosure_form" AS ENUM('notice_office', 'notice_village', 'website', 'radio', 'village_head', 'document', 'dialogue', 'meeting', 'front', 'social_network', 'other');--> statement-breakpoint
CREATE TYPE "public"."disclosure_law" AS ENUM('dccs', 'pctn', 'other');--> statement-breakpoint
CREATE TYPE "public"."disclosure_recurrence" AS ENUM('on_decision', 'quarterly', 'half_yearly', 'yearly', 'on_change');--> statement-breakpoint
CREATE TYPE "public"."disclosure_status" AS ENUM('draft', 'published', 'ended', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."reception_kind" AS ENUM('reception', 'dialogue');--> statement-breakpoint
CREATE TABLE "disclosure_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"posting_id" uuid,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text NOT NULL,
	"phone" text NOT NULL,
	"duties" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_counters" (
	"commune_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "disclosure_counters_commune_id_year_pk" PRIMARY KEY("commune_id","year")
);
--> statement-breakpoint
CREATE TABLE "disclosure_facts" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"mailbox_places" text DEFAULT '' NOT NULL,
	"commitment" text DEFAULT '' NOT NULL,
	"reception_schedule" text DEFAULT '' NOT NULL,
	"reception_place" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"field" text NOT NULL,
	"law" "disclosure_law" NOT NULL,
	"article" integer DEFAULT 0 NOT NULL,
	"clause" text DEFAULT '' NOT NULL,
	"legal_basis" text NOT NULL,
	"agency_id" uuid,
	"required_forms" "disclosure_form"[] NOT NULL,
	"duration_kind" "disclosure_duration" NOT NULL,
	"minimum_days" integer,
	"radio_days" integer,
	"recurrence" "disclosure_recurrence" NOT NULL,
	"deadline_working_days" integer DEFAULT 5 NOT NULL,
	"period_grace_days" integer,
	"review_months" integer,
	"certainty" text DEFAULT 'default' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"form" "disclosure_form" NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"village_id" uuid,
	"started_on" date NOT NULL,
	"ended_on" date,
	"proof_note" text DEFAULT '' NOT NULL,
	"proof_url" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_receptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"kind" "reception_kind" NOT NULL,
	"held_on" date NOT NULL,
	"host" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"attendance" integer,
	"raised" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_record_obligations" (
	"commune_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"obligation_id" uuid NOT NULL,
	CONSTRAINT "disclosure_record_obligations_record_id_obligation_id_pk" PRIMARY KEY("record_id","obligation_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_record_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"decision_ref" text NOT NULL,
	"decision_date" date,
	"reason" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" uuid
);
--> statement-breakpoint
CREATE TABLE "disclosure_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"field" text NOT NULL,
	"decision_ref" text DEFAULT '' NOT NULL,
	"decision_date" date,
	"period" text,
	"agency_id" uuid,
	"status" "disclosure_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"reviewed_at" timestamp with time zone,
	"last_reminder_on" date,
	"created_by" uuid,
	"updated_by" uuid,
	"search" text GENERATED ALWAYS AS (f_unaccent(lower("code" || ' ' || "title" || ' ' || "decision_ref" || ' ' || "body"))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_reminders" (
	"commune_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "disclosure_reminders_commune_id_subject_pk" PRIMARY KEY("commune_id","subject")
);
--> statement-breakpoint
ALTER TABLE "disclosure_attachments" ADD CONSTRAINT "disclosure_attachments_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_attachments" ADD CONSTRAINT "disclosure_attachments_record_id_disclosure_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."disclosure_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_attachments" ADD CONSTRAINT "disclosure_attachments_posting_id_disclosure_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."disclosure_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_contacts" ADD CONSTRAINT "disclosure_contacts_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_counters" ADD CONSTRAINT "disclosure_counters_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_facts" ADD CONSTRAINT "disclosure_facts_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_facts" ADD CONSTRAINT "disclosure_facts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_obligations" ADD CONSTRAINT "disclosure_obligations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_obligations" ADD CONSTRAINT "disclosure_obligations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_postings" ADD CONSTRAINT "disclosure_postings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_postings" ADD CONSTRAINT "disclosure_postings_record_id_disclosure_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."disclosure_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_postings" ADD CONSTRAINT "disclosure_postings_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_postings" ADD CONSTRAINT "disclosure_postings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_receptions" ADD CONSTRAINT "disclosure_receptions_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_receptions" ADD CONSTRAINT "disclosure_receptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_record_obligations" ADD CONSTRAINT "disclosure_record_obligations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_record_obligations" ADD CONSTRAINT "disclosure_record_obligations_record_id_disclosure_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."disclosure_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_record_obligations" ADD CONSTRAINT "disclosure_record_obligations_obligation_id_disclosure_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."disclosure_obligations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_record_versions" ADD CONSTRAINT "disclosure_record_versions_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_record_versions" ADD CONSTRAINT "disclosure_record_versions_record_id_disclosure_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."disclosure_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_record_versions" ADD CONSTRAINT "disclosure_record_versions_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_records" ADD CONSTRAINT "disclosure_records_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_records" ADD CONSTRAINT "disclosure_records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_records" ADD CONSTRAINT "disclosure_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_records" ADD CONSTRAINT "disclosure_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_reminders" ADD CONSTRAINT "disclosure_reminders_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_attachments_record_idx" ON "disclosure_attachments" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "disclosure_contacts_commune_idx" ON "disclosure_contacts" USING btree ("commune_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_obligations_commune_key" ON "disclosure_obligations" USING btree ("commune_id","key");--> statement-breakpoint
CREATE INDEX "disclosure_obligations_agency_idx" ON "disclosure_obligations" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "disclosure_postings_record_idx" ON "disclosure_postings" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "disclosure_postings_commune_idx" ON "disclosure_postings" USING btree ("commune_id","started_on");--> statement-breakpoint
CREATE INDEX "disclosure_receptions_commune_idx" ON "disclosure_receptions" USING btree ("commune_id","held_on");--> statement-breakpoint
CREATE INDEX "disclosure_record_obligations_obligation_idx" ON "disclosure_record_obligations" USING btree ("obligation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_record_versions_key" ON "disclosure_record_versions" USING btree ("record_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_records_commune_code_key" ON "disclosure_records" USING btree ("commune_id","code");--> statement-breakpoint
CREATE INDEX "disclosure_records_commune_status_idx" ON "disclosure_records" USING btree ("commune_id","status","published_at");--> statement-breakpoint
CREATE INDEX "disclosure_records_public_idx" ON "disclosure_records" USING btree ("commune_id","published_at" DESC NULLS FIRST,"code" DESC NULLS FIRST) WHERE "disclosure_records"."status" <> 'draft';--> statement-breakpoint
CREATE INDEX "disclosure_records_search_idx" ON "disclosure_records" USING gin ("search" gin_trgm_ops);