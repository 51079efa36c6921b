CREATE TABLE "ho_member_merges" (
	"id" text PRIMARY KEY NOT NULL,
	"survivor_id" text NOT NULL,
	"duplicate_id" text NOT NULL,
	"duplicate_name" text NOT NULL,
	"duplicate_phone" text NOT NULL,
	"duplicate_cards" jsonb NOT NULL,
	"points_moved" integer NOT NULL,
	"tier_before" text,
	"tier_after" text,
	"merged_by" text NOT NULL,
	"merged_at" bigint NOT NULL,
	CONSTRAINT "ho_member_merges_duplicate_id_unique" UNIQUE("duplicate_id")
);
--> statement-breakpoint
CREATE INDEX "ho_member_merges_survivor_idx" ON "ho_member_merges" USING btree ("survivor_id");