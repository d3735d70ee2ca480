CREATE TABLE "assessment_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "assessment_reconciliations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_day" text NOT NULL,
	"to_day" text NOT NULL,
	"cases_checked" integer NOT NULL,
	"drift" jsonb NOT NULL,
	"repaired" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_contributions" (
	"case_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"category_id" text NOT NULL,
	"day" text NOT NULL,
	"counter" text NOT NULL,
	"round" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "case_contributions_case_id_unit_id_day_counter_round_pk" PRIMARY KEY("case_id","unit_id","day","counter","round")
);
--> statement-breakpoint
CREATE TABLE "ranking_publications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"period_kind" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"policy_version" integer NOT NULL,
	"ranking" jsonb NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"note" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_counters" (
	"unit_id" text NOT NULL,
	"category_id" text NOT NULL,
	"day" text NOT NULL,
	"counter" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "unit_counters_day_unit_id_category_id_counter_pk" PRIMARY KEY("day","unit_id","category_id","counter")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_policies_one_active" ON "assessment_policies" USING btree ("active") WHERE "assessment_policies"."active";--> statement-breakpoint
CREATE INDEX "case_contributions_drill_idx" ON "case_contributions" USING btree ("unit_id","counter","day");--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_publications_version" ON "ranking_publications" USING btree ("level","period_kind","period","version");--> statement-breakpoint
CREATE INDEX "unit_counters_unit_day_idx" ON "unit_counters" USING btree ("unit_id","day");