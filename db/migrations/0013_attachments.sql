CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"storage_key" text,
	"media_type" text,
	"size_bytes" bigint,
	"sha256" text,
	"file_name" text,
	"stage" text NOT NULL,
	"added_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "attachments_kind" CHECK (("attachments"."kind" = 'link' and "attachments"."url" is not null) or ("attachments"."kind" = 'file' and "attachments"."storage_key" is not null))
);
--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id","created_at");