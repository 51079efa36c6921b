ALTER TABLE "ho_quarantine" ADD COLUMN "reported_at" bigint;--> statement-breakpoint
-- Rows from before this column: shown at head office already; not sent to their terminals again.
UPDATE "ho_quarantine" SET "reported_at" = "received_at";
