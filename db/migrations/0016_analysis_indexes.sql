DROP INDEX "cases_analysis_idx";--> statement-breakpoint
CREATE INDEX "analysis_alerts_group_idx" ON "analysis_alerts" USING btree ("category_id","detected_at") WHERE "analysis_alerts"."kind" = 'group_complaint';--> statement-breakpoint
CREATE INDEX "cases_analysis_idx" ON "cases" USING btree ("received_at","category_id","area_unit_id","unit_id","lat","lng","complainant_phone","id");