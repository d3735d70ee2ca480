DROP INDEX "ranking_publications_version";--> statement-breakpoint
ALTER TABLE "ranking_publications" ADD COLUMN "within" text;--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_publications_version" ON "ranking_publications" USING btree ("level",coalesce("within", ''),"period_kind","period","version");