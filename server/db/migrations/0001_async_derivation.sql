ALTER TABLE "ho_cards" DROP CONSTRAINT "ho_cards_member_id_ho_members_id_fk";
--> statement-breakpoint
ALTER TABLE "ho_ledger" DROP CONSTRAINT "ho_ledger_member_id_ho_members_id_fk";
--> statement-breakpoint
ALTER TABLE "ho_records" DROP CONSTRAINT "ho_records_terminal_id_ho_terminals_id_fk";
--> statement-breakpoint
ALTER TABLE "ho_sale_lines" DROP CONSTRAINT "ho_sale_lines_sale_id_ho_sales_id_fk";
--> statement-breakpoint
ALTER TABLE "ho_sales" DROP CONSTRAINT "ho_sales_terminal_id_ho_terminals_id_fk";
--> statement-breakpoint
ALTER TABLE "ho_sales" DROP CONSTRAINT "ho_sales_member_id_ho_members_id_fk";
--> statement-breakpoint
DROP INDEX "ho_changes_kind_entity_idx";--> statement-breakpoint
ALTER TABLE "ho_changes" ALTER COLUMN "payload" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "ho_records" ALTER COLUMN "payload" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "ho_terminals" ADD COLUMN "derived_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_terminals" ADD COLUMN "last_derived_at" bigint;--> statement-breakpoint
CREATE INDEX "ho_changes_kind_entity_idx" ON "ho_changes" USING btree ("kind","entity_id") WHERE "ho_changes"."kind" <> 'ledger';--> statement-breakpoint
ALTER TABLE "ho_records" DROP COLUMN "payload_hash";--> statement-breakpoint
-- Every record stored before this migration was applied within its push: nothing is left to derive.
UPDATE "ho_terminals" SET "derived_seq" = "acked_seq";
