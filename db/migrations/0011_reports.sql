CREATE TABLE "analysis_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"category_id" text NOT NULL,
	"unit_id" text,
	"detected_at" timestamp with time zone NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"from_day" text NOT NULL,
	"to_day" text NOT NULL,
	"scope_unit_id" text,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"html" text NOT NULL,
	"xlsx" "bytea" NOT NULL,
	"figures" jsonb NOT NULL,
	"analysis_policy_version" integer NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_alerts_key" ON "analysis_alerts" USING btree ("kind","key");--> statement-breakpoint
CREATE INDEX "analysis_alerts_detected_idx" ON "analysis_alerts" USING btree ("detected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_policies_one_active" ON "analysis_policies" USING btree ("active") WHERE "analysis_policies"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "reports_version" ON "reports" USING btree ("kind",coalesce("scope_unit_id", ''),"period","version");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_source" ON "reports" USING btree ("source");--> statement-breakpoint
CREATE INDEX "reports_scope_idx" ON "reports" USING btree ("scope_unit_id","id");--> statement-breakpoint
CREATE INDEX "cases_analysis_idx" ON "cases" USING btree ("received_at","category_id","area_unit_id","unit_id","lat","lng","complainant_phone");