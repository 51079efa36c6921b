ALTER TABLE "ho_audit" ALTER COLUMN "shop_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_audit_chains" ALTER COLUMN "shop_id" DROP NOT NULL;