CREATE TABLE "ho_daily_shop" (
	"shop_id" text NOT NULL,
	"day" text NOT NULL,
	"sales_count" bigint DEFAULT 0 NOT NULL,
	"sales_minor" bigint DEFAULT 0 NOT NULL,
	"member_sales_count" bigint DEFAULT 0 NOT NULL,
	"member_sales_minor" bigint DEFAULT 0 NOT NULL,
	"refunds_count" bigint DEFAULT 0 NOT NULL,
	"refunds_minor" bigint DEFAULT 0 NOT NULL,
	"new_members" bigint DEFAULT 0 NOT NULL,
	"points_earned" bigint DEFAULT 0 NOT NULL,
	"points_redeemed" bigint DEFAULT 0 NOT NULL,
	"points_expired" bigint DEFAULT 0 NOT NULL,
	"points_reversed" bigint DEFAULT 0 NOT NULL,
	"points_adjusted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_daily_shop_shop_id_day_pk" PRIMARY KEY("shop_id","day")
);
--> statement-breakpoint
CREATE TABLE "ho_member_activity" (
	"member_id" text PRIMARY KEY NOT NULL,
	"first_day" text NOT NULL,
	"last_day" text NOT NULL,
	"visits" bigint DEFAULT 0 NOT NULL,
	"spend_minor" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ho_daily_shop_day_idx" ON "ho_daily_shop" USING btree ("day");--> statement-breakpoint
CREATE INDEX "ho_member_activity_last_idx" ON "ho_member_activity" USING btree ("last_day");