CREATE TABLE "case_events" (
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "case_events_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"channel" text NOT NULL,
	"channel_ticket_id" text,
	"idempotency_key" text,
	"category_id" text NOT NULL,
	"sla_class" text,
	"policy_version" integer,
	"complainant_name" text NOT NULL,
	"complainant_phone" text NOT NULL,
	"address" text,
	"area_unit_id" text,
	"lat" double precision,
	"lng" double precision,
	"status" text NOT NULL,
	"outcome" text,
	"unit_id" text,
	"round" integer DEFAULT 1 NOT NULL,
	"warning_level" text DEFAULT 'none' NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"clocks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reply_due_at" timestamp with time zone,
	"dispatch_count" integer DEFAULT 0 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"reassign_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"sla_class" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"recipient" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" text,
	"path" text NOT NULL,
	"principal_leader" text NOT NULL,
	"deputy_leader" text NOT NULL,
	"office_phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_type_at_idx" ON "case_events" USING btree ("type","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_policies_one_active" ON "case_policies" USING btree ("active") WHERE "case_policies"."active";--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_status_created_idx" ON "cases" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_unit_status_idx" ON "cases" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "cases_category_idx" ON "cases" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "cases_warning_idx" ON "cases" USING btree ("warning_level") WHERE "cases"."warning_level" <> 'none';--> statement-breakpoint
CREATE INDEX "cases_reply_due_idx" ON "cases" USING btree ("reply_due_at");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once" ON "notifications" USING btree ("case_id","seq","kind","recipient");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_path_idx" ON "units" USING btree ("path");