CREATE TABLE "assessment_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"weight" numeric(10, 3) NOT NULL,
	"observation_points" text,
	"max_score" numeric(10, 3) DEFAULT 100 NOT NULL,
	"track" text NOT NULL,
	"method" text DEFAULT 'manual' NOT NULL,
	"formula" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"tenant_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"total" numeric(10, 3) NOT NULL,
	"party" numeric(10, 3) NOT NULL,
	"business" numeric(10, 3) NOT NULL,
	"featured" numeric(10, 3) NOT NULL,
	"adjustments" numeric(10, 3) DEFAULT 0 NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"rank" integer NOT NULL,
	"grade" text NOT NULL,
	"breakdown" jsonb NOT NULL,
	CONSTRAINT "assessment_results_tenant_id_scheme_id_target_id_pk" PRIMARY KEY("tenant_id","scheme_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"trimmed_mean" boolean DEFAULT false NOT NULL,
	"bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_report_deadline" date,
	"rating_deadline" date,
	"publish_scope" text,
	"publish_reports" boolean DEFAULT false NOT NULL,
	"frozen_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"override_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"paired_unit_id" uuid,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"held_on" date,
	"chair_person_id" uuid,
	"attendees" text,
	"minutes" text,
	"sheet" jsonb,
	"prepared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"month" text NOT NULL,
	"held_on" date NOT NULL,
	"presenters" text NOT NULL,
	"topics" text NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rater_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"rater_user_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rater_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(10, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_scores" (
	"tenant_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"score" numeric(10, 3) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_scores_tenant_id_assignment_id_indicator_id_pk" PRIMARY KEY("tenant_id","assignment_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "result_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"target_id" uuid,
	"person_id" uuid,
	"kind" text NOT NULL,
	"note" text,
	"talked_on" date,
	"talker_person_id" uuid,
	"points" text,
	"follow_up_due" date,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_scores" (
	"tenant_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"score" numeric(10, 3) NOT NULL,
	"evidence" text,
	CONSTRAINT "self_scores_tenant_id_target_id_indicator_id_pk" PRIMARY KEY("tenant_id","target_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"method" text NOT NULL,
	"inspector_person_id" uuid,
	"checked_on" date NOT NULL,
	"result" text NOT NULL,
	"comment" text,
	"rectification_task_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"requirement" text NOT NULL,
	"evidence" text,
	"unit_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"month" text NOT NULL,
	"title" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"points" numeric(10, 3) DEFAULT 0 NOT NULL,
	"evidence" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"deadline" date,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assessment_indicators_tenant_scheme_idx" ON "assessment_indicators" USING btree ("tenant_id","scheme_id","parent_id");--> statement-breakpoint
CREATE INDEX "assessment_schemes_tenant_year_idx" ON "assessment_schemes" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_targets_tenant_scheme_unit_uq" ON "assessment_targets" USING btree ("tenant_id","scheme_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_meetings_tenant_campaign_week_uq" ON "dispatch_meetings" USING btree ("tenant_id","campaign_id","iso_week");--> statement-breakpoint
CREATE INDEX "exchange_meetings_tenant_month_idx" ON "exchange_meetings" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "follow_up_items_tenant_idx" ON "follow_up_items" USING btree ("tenant_id","campaign_id","status","due_date");--> statement-breakpoint
CREATE INDEX "follow_up_items_tenant_unit_idx" ON "follow_up_items" USING btree ("tenant_id","owner_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rater_assignments_tenant_rater_target_uq" ON "rater_assignments" USING btree ("tenant_id","scheme_id","rater_user_id","target_id");--> statement-breakpoint
CREATE INDEX "rater_assignments_tenant_target_idx" ON "rater_assignments" USING btree ("tenant_id","target_id");--> statement-breakpoint
CREATE INDEX "rater_groups_tenant_scheme_idx" ON "rater_groups" USING btree ("tenant_id","scheme_id");--> statement-breakpoint
CREATE INDEX "result_applications_tenant_target_idx" ON "result_applications" USING btree ("tenant_id","target_id");--> statement-breakpoint
CREATE INDEX "result_applications_tenant_person_idx" ON "result_applications" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "supervision_checks_tenant_plan_idx" ON "supervision_checks" USING btree ("tenant_id","plan_id","unit_id");--> statement-breakpoint
CREATE INDEX "supervision_checks_tenant_unit_idx" ON "supervision_checks" USING btree ("tenant_id","unit_id","checked_on");--> statement-breakpoint
CREATE INDEX "supervision_indicators_tenant_plan_idx" ON "supervision_indicators" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_tenant_campaign_month_uq" ON "supervision_plans" USING btree ("tenant_id","campaign_id","month");--> statement-breakpoint
CREATE INDEX "target_adjustments_tenant_target_idx" ON "target_adjustments" USING btree ("tenant_id","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_reports_tenant_target_kind_uq" ON "target_reports" USING btree ("tenant_id","target_id","kind");