CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"duty" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"doc_no" text,
	"issuing_unit_id" uuid,
	"issued_on" date,
	"summary" text,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"track" text NOT NULL,
	"parent_id" uuid,
	"code" text,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lectures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid,
	"lecturer_person_id" uuid NOT NULL,
	"audience_unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"audience_count" integer NOT NULL,
	"location" text,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_unit_id" uuid,
	"rectification_task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_topic_units" (
	"tenant_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "research_topic_units_tenant_id_topic_id_unit_id_pk" PRIMARY KEY("tenant_id","topic_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "research_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"problem_area" text NOT NULL,
	"leader_person_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"report_document_id" uuid,
	"findings" text,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_attendees" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"attended" boolean DEFAULT true NOT NULL,
	CONSTRAINT "study_attendees_tenant_id_session_id_person_id_pk" PRIMARY KEY("tenant_id","session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "study_session_goals" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "study_session_goals_tenant_id_session_id_goal_id_pk" PRIMARY KEY("tenant_id","session_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"host_unit_id" uuid NOT NULL,
	"location" text,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"old_due_date" date NOT NULL,
	"new_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_follows" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_follows_tenant_id_task_id_user_id_pk" PRIMARY KEY("tenant_id","task_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "task_goals" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "task_goals_tenant_id_task_id_goal_id_pk" PRIMARY KEY("tenant_id","task_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "task_units" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "task_units_tenant_id_task_id_unit_id_pk" PRIMARY KEY("tenant_id","task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"responsible_person_id" uuid,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"weight" numeric(8, 2) DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"fused" boolean DEFAULT false NOT NULL,
	"issued_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"last_report_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"recurrence" text DEFAULT 'none' NOT NULL,
	"recurrence_of" uuid,
	"recurrence_key" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attachments_tenant_entity_idx" ON "attachments" USING btree ("tenant_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "attachments_tenant_file_idx" ON "attachments" USING btree ("tenant_id","file_id");--> statement-breakpoint
CREATE INDEX "campaign_bodies_tenant_campaign_idx" ON "campaign_bodies" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_members_tenant_body_person_uq" ON "campaign_members" USING btree ("tenant_id","body_id","person_id");--> statement-breakpoint
CREATE INDEX "campaign_members_tenant_person_idx" ON "campaign_members" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "campaigns_tenant_status_idx" ON "campaigns" USING btree ("tenant_id","status","start_date");--> statement-breakpoint
CREATE INDEX "documents_tenant_campaign_idx" ON "documents" USING btree ("tenant_id","campaign_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "files_tenant_sha_uq" ON "files" USING btree ("tenant_id","sha256");--> statement-breakpoint
CREATE INDEX "goals_tenant_track_idx" ON "goals" USING btree ("tenant_id","track","parent_id");--> statement-breakpoint
CREATE INDEX "lectures_tenant_idx" ON "lectures" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE INDEX "lectures_tenant_lecturer_idx" ON "lectures" USING btree ("tenant_id","lecturer_person_id");--> statement-breakpoint
CREATE INDEX "lectures_tenant_unit_idx" ON "lectures" USING btree ("tenant_id","audience_unit_id");--> statement-breakpoint
CREATE INDEX "research_problems_tenant_topic_idx" ON "research_problems" USING btree ("tenant_id","topic_id");--> statement-breakpoint
CREATE INDEX "research_problems_tenant_task_idx" ON "research_problems" USING btree ("tenant_id","rectification_task_id");--> statement-breakpoint
CREATE INDEX "research_topic_units_tenant_unit_idx" ON "research_topic_units" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "research_topics_tenant_idx" ON "research_topics" USING btree ("tenant_id","campaign_id","status");--> statement-breakpoint
CREATE INDEX "research_topics_tenant_leader_idx" ON "research_topics" USING btree ("tenant_id","leader_person_id");--> statement-breakpoint
CREATE INDEX "study_sessions_tenant_idx" ON "study_sessions" USING btree ("tenant_id","campaign_id","held_on");--> statement-breakpoint
CREATE INDEX "study_sessions_tenant_unit_idx" ON "study_sessions" USING btree ("tenant_id","host_unit_id");--> statement-breakpoint
CREATE INDEX "task_comments_tenant_task_idx" ON "task_comments" USING btree ("tenant_id","task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_extensions_tenant_task_idx" ON "task_extensions" USING btree ("tenant_id","task_id");--> statement-breakpoint
CREATE INDEX "task_follows_tenant_user_idx" ON "task_follows" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "task_goals_tenant_goal_idx" ON "task_goals" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE INDEX "task_units_tenant_unit_idx" ON "task_units" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_campaign_idx" ON "tasks" USING btree ("tenant_id","campaign_id","parent_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_owner_idx" ON "tasks" USING btree ("tenant_id","owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "tasks_tenant_due_idx" ON "tasks" USING btree ("tenant_id","due_date");--> statement-breakpoint
CREATE INDEX "tasks_tenant_leader_idx" ON "tasks" USING btree ("tenant_id","responsible_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_tenant_recurrence_uq" ON "tasks" USING btree ("tenant_id","recurrence_of","recurrence_key");