ALTER TABLE "ho_cards" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "ho_members" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "ho_redemptions" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "ho_sales" ADD COLUMN "staff_id" text;