CREATE TABLE "ho_card_conflicts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"card_number" text NOT NULL,
	"member_id" text NOT NULL,
	"holder_member_id" text NOT NULL,
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ho_card_conflicts_card_idx" ON "ho_card_conflicts" USING btree ("card_number");