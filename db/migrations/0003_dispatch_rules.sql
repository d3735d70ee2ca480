CREATE TABLE "dispatch_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"category_id" text NOT NULL,
	"area_unit_id" text,
	"unit_id" text,
	"unit_type" text,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "dispatch_rules_one_target" CHECK (("dispatch_rules"."unit_id" is null) <> ("dispatch_rules"."unit_type" is null))
);
--> statement-breakpoint
DROP INDEX "notifications_once";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "dispatch_history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "designated_unit_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "return_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "copied_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "cooperating_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "cooperation" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "triage" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "linked_case_id" text;--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_area_unit_id_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_rules_category_idx" ON "dispatch_rules" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "cases_copied_units_idx" ON "cases" USING gin ("copied_unit_ids");--> statement-breakpoint
CREATE INDEX "cases_cooperating_units_idx" ON "cases" USING gin ("cooperating_unit_ids");--> statement-breakpoint
CREATE INDEX "cases_linked_idx" ON "cases" USING btree ("linked_case_id") WHERE "cases"."linked_case_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_per_unit" ON "notifications" USING btree ("case_id","seq","kind",coalesce("unit_id", ''),"recipient");