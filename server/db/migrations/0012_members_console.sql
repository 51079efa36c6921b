CREATE TABLE "ho_tier_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"reason" text NOT NULL,
	"at" bigint NOT NULL,
	"shop_id" text,
	"record_id" text
);
--> statement-breakpoint
CREATE INDEX "ho_tier_changes_member_idx" ON "ho_tier_changes" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "ho_cards_member_idx" ON "ho_cards" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "ho_members_name_idx" ON "ho_members" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ho_redemptions_member_idx" ON "ho_redemptions" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "ho_sales_member_idx" ON "ho_sales" USING btree ("member_id","created_at");