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
CREATE INDEX "ho_ledger_campaign_idx" ON "ho_ledger" USING btree ("campaign_id","terminal_id") WHERE "ho_ledger"."campaign_id" is not null;