CREATE TABLE "ho_spend_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"member_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_at" bigint NOT NULL,
	"state" text NOT NULL,
	"last_error" text,
	"last_attempt_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_till_staff" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"pin_hash" text NOT NULL,
	"pin_salt" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ho_cards" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "ho_members" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "ho_members" ADD COLUMN "spend_notices" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_redemptions" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "ho_sales" ADD COLUMN "staff_id" text;--> statement-breakpoint
CREATE INDEX "ho_spend_notices_due_idx" ON "ho_spend_notices" USING btree ("state","next_at");--> statement-breakpoint
CREATE INDEX "ho_till_staff_shop_idx" ON "ho_till_staff" USING btree ("shop_id","name");