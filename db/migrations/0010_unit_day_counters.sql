CREATE TABLE "unit_day_counters" (
	"unit_id" text NOT NULL,
	"day" text NOT NULL,
	"counter" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "unit_day_counters_day_unit_id_counter_pk" PRIMARY KEY("day","unit_id","counter")
);
--> statement-breakpoint
CREATE INDEX "unit_day_counters_unit_day_idx" ON "unit_day_counters" USING btree ("unit_id","day");