CREATE TABLE "ho_tier_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"tier_code" text NOT NULL,
	"reason" text NOT NULL,
	"set_at" bigint NOT NULL,
	"ends_at" bigint NOT NULL,
	"staff_id" text,
	"terminal_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ho_tier_overrides_member_idx" ON "ho_tier_overrides" USING btree ("member_id","set_at");