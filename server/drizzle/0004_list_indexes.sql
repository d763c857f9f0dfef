DROP INDEX "progress_reports_tenant_status_idx";--> statement-breakpoint
CREATE INDEX "tasks_tenant_parent_idx" ON "tasks" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_campaign_status_idx" ON "tasks" USING btree ("tenant_id","campaign_id","status");--> statement-breakpoint
CREATE INDEX "outcomes_tenant_published_idx" ON "outcomes" USING btree ("tenant_id","published_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "progress_reports_tenant_status_idx" ON "progress_reports" USING btree ("tenant_id","status","submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST);