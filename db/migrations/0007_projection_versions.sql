ALTER TABLE "case_events" ADD COLUMN "projection_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "projection_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "projection_version" bigint DEFAULT 0 NOT NULL;