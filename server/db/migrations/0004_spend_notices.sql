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
ALTER TABLE "ho_members" ADD COLUMN "spend_notices" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "ho_spend_notices_due_idx" ON "ho_spend_notices" USING btree ("state","next_at");