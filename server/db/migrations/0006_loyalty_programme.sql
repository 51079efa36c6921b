CREATE TABLE "ho_campaign_grants" (
	"campaign_id" text NOT NULL,
	"terminal_id" text NOT NULL,
	"granted_points" integer NOT NULL,
	CONSTRAINT "ho_campaign_grants_campaign_id_terminal_id_pk" PRIMARY KEY("campaign_id","terminal_id")
);
--> statement-breakpoint
CREATE TABLE "ho_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign" jsonb NOT NULL,
	"granted_points" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_refund_lines" (
	"refund_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"quantity" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "ho_refund_lines_refund_id_line_no_pk" PRIMARY KEY("refund_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "ho_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"sale_id" text NOT NULL,
	"terminal_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"member_id" text,
	"settlement" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"points_reversed" integer NOT NULL,
	"points_returned" integer NOT NULL,
	"business_day" text NOT NULL,
	"created_at" bigint NOT NULL,
	"staff_id" text
);
--> statement-breakpoint
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
ALTER TABLE "ho_ledger" ADD COLUMN "refund_id" text;--> statement-breakpoint
ALTER TABLE "ho_ledger" ADD COLUMN "reverses_id" text;--> statement-breakpoint
ALTER TABLE "ho_ledger" ADD COLUMN "expires_at" bigint;--> statement-breakpoint
ALTER TABLE "ho_ledger" ADD COLUMN "lot_id" text;--> statement-breakpoint
ALTER TABLE "ho_rewards" ADD COLUMN "min_tier_code" text;--> statement-breakpoint
CREATE INDEX "ho_refunds_sale_idx" ON "ho_refunds" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "ho_tier_overrides_member_idx" ON "ho_tier_overrides" USING btree ("member_id","set_at");--> statement-breakpoint
CREATE INDEX "ho_ledger_sale_idx" ON "ho_ledger" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "ho_ledger_campaign_idx" ON "ho_ledger" USING btree ("campaign_id","terminal_id") WHERE "ho_ledger"."campaign_id" is not null;