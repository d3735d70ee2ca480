ALTER TABLE "cases" ADD COLUMN "callback_attempts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rounds" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "review" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "disputed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "demand_unreasonable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "master_case_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "repeat_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "repeat_card" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rating" jsonb;--> statement-breakpoint
CREATE INDEX "cases_repeat_place_idx" ON "cases" USING btree ("category_id","area_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_repeat_coords_idx" ON "cases" USING btree ("category_id","lat","lng") WHERE "cases"."lat" is not null;--> statement-breakpoint
CREATE INDEX "cases_repeat_complainant_idx" ON "cases" USING btree ("complainant_phone","category_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_master_idx" ON "cases" USING btree ("master_case_id") WHERE "cases"."master_case_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_review_queue_idx" ON "cases" USING btree ("updated_at") WHERE ("cases"."outcome" = 'unsatisfied' or "cases"."disputed") and "cases"."review" is null;