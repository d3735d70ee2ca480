ALTER TABLE "api_keys" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "channel_key_id" text;--> statement-breakpoint
CREATE INDEX "cases_channel_key_idx" ON "cases" USING btree ("channel_key_id","received_at") WHERE "cases"."channel_key_id" is not null;