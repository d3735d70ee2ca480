ALTER TABLE "attachments" ADD COLUMN "removed_by" jsonb;
