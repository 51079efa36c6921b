ALTER TABLE "ho_ledger" ADD COLUMN "expires_at" bigint;--> statement-breakpoint
ALTER TABLE "ho_ledger" ADD COLUMN "lot_id" text;