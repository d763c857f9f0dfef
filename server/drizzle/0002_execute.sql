CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"summary" text,
	"project_id" uuid,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_goals" (
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "activity_goals_tenant_id_activity_id_goal_id_pk" PRIMARY KEY("tenant_id","activity_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "contribution_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honour_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"category" text NOT NULL,
	"nominee_person_id" uuid,
	"nominee_unit_id" uuid,
	"nominating_unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honour_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'nominating' NOT NULL,
	"publicity_start" date,
	"publicity_end" date,
	"quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_project_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" date NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"expert_comment" text,
	"grade" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"leader_person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"stage" text DEFAULT 'applied' NOT NULL,
	"grade" text,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"entity" text,
	"entity_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_people" (
	"tenant_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "outcome_people_tenant_id_outcome_id_person_id_pk" PRIMARY KEY("tenant_id","outcome_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"level" text NOT NULL,
	"medium" text,
	"published_on" date NOT NULL,
	"link" text,
	"area_code" text,
	"task_id" uuid,
	"project_id" uuid,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"comment" text,
	"snapshot" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reporter_name" text NOT NULL,
	"progress" integer NOT NULL,
	"done_text" text NOT NULL,
	"problems" text,
	"next_steps" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"title" text NOT NULL,
	"doc_no" text,
	"owner_unit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_on" date,
	"revised_on" date,
	"abolished_on" date,
	"abolish_reason" text,
	"body" text,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "activities_tenant_idx" ON "activities" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE INDEX "activities_tenant_unit_idx" ON "activities" USING btree ("tenant_id","unit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_areas_tenant_code_uq" ON "contribution_areas" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "honour_nominations_tenant_round_idx" ON "honour_nominations" USING btree ("tenant_id","round_id","category","status");--> statement-breakpoint
CREATE INDEX "honour_rounds_tenant_year_idx" ON "honour_rounds" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "innovation_project_steps_tenant_project_idx" ON "innovation_project_steps" USING btree ("tenant_id","project_id","at");--> statement-breakpoint
CREATE INDEX "innovation_projects_tenant_idx" ON "innovation_projects" USING btree ("tenant_id","stage");--> statement-breakpoint
CREATE INDEX "innovation_projects_tenant_unit_idx" ON "innovation_projects" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "notifications_tenant_user_idx" ON "notifications" USING btree ("tenant_id","user_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "outcome_people_tenant_person_idx" ON "outcome_people" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "outcomes_tenant_kind_idx" ON "outcomes" USING btree ("tenant_id","kind","published_on");--> statement-breakpoint
CREATE INDEX "outcomes_tenant_unit_idx" ON "outcomes" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "outcomes_tenant_project_idx" ON "outcomes" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "progress_report_events_tenant_report_idx" ON "progress_report_events" USING btree ("tenant_id","report_id","at");--> statement-breakpoint
CREATE INDEX "progress_reports_tenant_task_idx" ON "progress_reports" USING btree ("tenant_id","task_id","submitted_at");--> statement-breakpoint
CREATE INDEX "progress_reports_tenant_status_idx" ON "progress_reports" USING btree ("tenant_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "regulations_tenant_status_idx" ON "regulations" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "regulations_tenant_series_version_uq" ON "regulations" USING btree ("tenant_id","series_id","version_no");--> statement-breakpoint
CREATE INDEX "regulations_tenant_unit_idx" ON "regulations" USING btree ("tenant_id","owner_unit_id");