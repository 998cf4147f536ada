CREATE TYPE "public"."deadline_unit" AS ENUM('working_days', 'days');--> statement-breakpoint
CREATE TYPE "public"."feedback_channel" AS ENUM('web', 'mailbox', 'hotline', 'in_person', 'email', 'api', 'collection');--> statement-breakpoint
CREATE TYPE "public"."feedback_confidentiality" AS ENUM('normal', 'confidential', 'state_secret');--> statement-breakpoint
CREATE TYPE "public"."feedback_event_type" AS ENUM('received', 'accepted', 'assigned', 'started', 'drafted', 'approved', 'returned', 'published', 'answered_private', 'forwarded', 'merged', 'rejected', 'extended', 'note', 'rated', 'reopened', 'reminded', 'escalated', 'notified', 'identity_viewed');--> statement-breakpoint
CREATE TYPE "public"."feedback_kind" AS ENUM('phan_anh', 'kien_nghi', 'gop_y', 'hoi_dap', 'khieu_nai', 'to_cao');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('received', 'assigned', 'in_progress', 'drafted', 'approved', 'published', 'answered_private', 'forwarded', 'merged', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."notification_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "feedback_api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"item_id" uuid,
	"draft_id" uuid,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_collection_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"agency_id" uuid,
	"village_id" uuid,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_collection_one_collector" CHECK (("feedback_collection_sessions"."agency_id" is null) <> ("feedback_collection_sessions"."village_id" is null))
);
--> statement-breakpoint
CREATE TABLE "feedback_contacts" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"full_name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"identity_number" text DEFAULT '' NOT NULL,
	"wants_updates" boolean DEFAULT false NOT NULL,
	"protected" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_counters" (
	"commune_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_counters_commune_id_year_pk" PRIMARY KEY("commune_id","year")
);
--> statement-breakpoint
CREATE TABLE "feedback_deadline_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"kind" "feedback_kind" NOT NULL,
	"field_id" uuid,
	"accept_working_days" integer NOT NULL,
	"answer_days" integer NOT NULL,
	"answer_unit" "deadline_unit" NOT NULL,
	"extension_days" integer NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"type" "feedback_event_type" NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "feedback_kind" NOT NULL,
	"channel" "feedback_channel" NOT NULL,
	"status" "feedback_status" DEFAULT 'received' NOT NULL,
	"confidentiality" "feedback_confidentiality" DEFAULT 'normal' NOT NULL,
	"field_id" uuid,
	"village_id" uuid,
	"place" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"lat" double precision,
	"long" double precision,
	"anonymous" boolean DEFAULT false NOT NULL,
	"secret_hash" text NOT NULL,
	"phone_last4" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accept_due" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_at" timestamp with time zone,
	"extension_reason" text,
	"agency_id" uuid,
	"handler_id" uuid,
	"answer" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"public_title" text,
	"public_content" text,
	"public_answer" text,
	"published_at" timestamp with time zone,
	"forwarded_to" text,
	"merged_into_id" uuid,
	"rejection_reason" text,
	"satisfied" boolean,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"last_reminder_on" date,
	"escalated_at" timestamp with time zone,
	"collection_session_id" uuid,
	"mailbox_opening_id" uuid,
	"api_client_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_mailbox_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"place" text NOT NULL,
	"opened_by" text NOT NULL,
	"letter_count" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"item_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status" "notification_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"code_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_api_clients" ADD CONSTRAINT "feedback_api_clients_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_api_clients" ADD CONSTRAINT "feedback_api_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_attachments" ADD CONSTRAINT "feedback_attachments_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_attachments" ADD CONSTRAINT "feedback_attachments_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_collection_sessions" ADD CONSTRAINT "feedback_collection_sessions_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_collection_sessions" ADD CONSTRAINT "feedback_collection_sessions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_collection_sessions" ADD CONSTRAINT "feedback_collection_sessions_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_collection_sessions" ADD CONSTRAINT "feedback_collection_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_contacts" ADD CONSTRAINT "feedback_contacts_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_contacts" ADD CONSTRAINT "feedback_contacts_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_counters" ADD CONSTRAINT "feedback_counters_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_deadline_policies" ADD CONSTRAINT "feedback_deadline_policies_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_deadline_policies" ADD CONSTRAINT "feedback_deadline_policies_field_id_feedback_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."feedback_fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_drafts" ADD CONSTRAINT "feedback_drafts_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_fields" ADD CONSTRAINT "feedback_fields_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_field_id_feedback_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."feedback_fields"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_collection_session_id_feedback_collection_sessions_id_fk" FOREIGN KEY ("collection_session_id") REFERENCES "public"."feedback_collection_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_mailbox_opening_id_feedback_mailbox_openings_id_fk" FOREIGN KEY ("mailbox_opening_id") REFERENCES "public"."feedback_mailbox_openings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_mailbox_openings" ADD CONSTRAINT "feedback_mailbox_openings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_mailbox_openings" ADD CONSTRAINT "feedback_mailbox_openings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_notifications" ADD CONSTRAINT "feedback_notifications_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_notifications" ADD CONSTRAINT "feedback_notifications_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_api_clients_key_hash_key" ON "feedback_api_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "feedback_attachments_item_idx" ON "feedback_attachments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "feedback_attachments_draft_idx" ON "feedback_attachments" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "feedback_collection_commune_idx" ON "feedback_collection_sessions" USING btree ("commune_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_policies_kind_field_key" ON "feedback_deadline_policies" USING btree ("commune_id","kind",coalesce("field_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "feedback_drafts_expires_idx" ON "feedback_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_fields_commune_code_key" ON "feedback_fields" USING btree ("commune_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_commune_code_key" ON "feedback_items" USING btree ("commune_id","code");--> statement-breakpoint
CREATE INDEX "feedback_items_commune_status_idx" ON "feedback_items" USING btree ("commune_id","status","due_on");--> statement-breakpoint
CREATE INDEX "feedback_items_published_idx" ON "feedback_items" USING btree ("commune_id","published_at") WHERE "feedback_items"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_handler_idx" ON "feedback_items" USING btree ("handler_id");--> statement-breakpoint
CREATE INDEX "feedback_items_agency_idx" ON "feedback_items" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "feedback_items_public_search_idx" ON "feedback_items" USING gin (f_unaccent(lower(coalesce("public_title", '') || ' ' || coalesce("public_content", '') || ' ' || coalesce("public_answer", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "feedback_items_search_idx" ON "feedback_items" USING gin (f_unaccent(lower("code" || ' ' || "title")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "feedback_mailbox_commune_idx" ON "feedback_mailbox_openings" USING btree ("commune_id","opened_on");--> statement-breakpoint
CREATE INDEX "feedback_notifications_pending_idx" ON "feedback_notifications" USING btree ("status","next_attempt_at");