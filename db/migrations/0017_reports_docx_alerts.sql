CREATE INDEX "analysis_alerts_group_idx" ON "analysis_alerts" USING btree ("category_id","detected_at") WHERE "analysis_alerts"."kind" = 'group_complaint';
