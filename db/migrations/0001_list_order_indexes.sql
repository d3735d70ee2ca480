DROP INDEX "cases_created_idx";--> statement-breakpoint
DROP INDEX "cases_status_created_idx";--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "cases_status_created_idx" ON "cases" USING btree ("status","created_at","id");