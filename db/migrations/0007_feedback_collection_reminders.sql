CREATE TABLE "feedback_collection_reminders" (
	"commune_id" uuid NOT NULL,
	"collector" text NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "feedback_collection_reminders_commune_id_collector_sent_on_pk" PRIMARY KEY("commune_id","collector","sent_on")
);
--> statement-breakpoint
ALTER TABLE "feedback_collection_reminders" ADD CONSTRAINT "feedback_collection_reminders_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE restrict ON UPDATE no action;