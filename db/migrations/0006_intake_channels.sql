ALTER TABLE "cases" ALTER COLUMN "complainant_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "complainant_phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "no_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Cases recorded before this migration were received when they were opened: received_at is their created_at.
ALTER TABLE "cases" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
UPDATE "cases" SET "received_at" = "created_at" WHERE "received_at" IS NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "received_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "received_at_stated_by" jsonb;
