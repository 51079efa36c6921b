CREATE TABLE "ho_member_month" (
	"member_id" text NOT NULL,
	"month" text NOT NULL,
	"last_day" text,
	"visits" bigint DEFAULT 0 NOT NULL,
	"spend_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_member_month_member_id_month_pk" PRIMARY KEY("member_id","month")
);
--> statement-breakpoint
CREATE INDEX "ho_member_month_month_idx" ON "ho_member_month" USING btree ("month");