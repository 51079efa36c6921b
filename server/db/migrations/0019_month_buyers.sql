CREATE TABLE "ho_month_buyers" (
	"month" text PRIMARY KEY NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The months already summed: each one's members with a purchase.
INSERT INTO "ho_month_buyers" ("month", "buyers") SELECT "month", count(*) FROM "ho_member_month" WHERE "visits" > 0 GROUP BY "month";