ALTER TABLE "feedback_items" ADD COLUMN "failed_lookups" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "lookup_locked_until" timestamp with time zone;