CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"notification_id" uuid,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" boolean DEFAULT false NOT NULL,
	"webhook" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_tenant_id_user_id_kind_pk" PRIMARY KEY("tenant_id","user_id","kind")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD COLUMN "adjustment_items" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_tenant_idx" ON "notification_deliveries" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "people_grams_gin" ON "people" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "documents_grams_gin" ON "documents" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "lectures_grams_gin" ON "lectures" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "research_topics_grams_gin" ON "research_topics" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "tasks_grams_gin" ON "tasks" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "activities_grams_gin" ON "activities" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "outcomes_grams_gin" ON "outcomes" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "regulations_grams_gin" ON "regulations" USING gin ("search_grams");