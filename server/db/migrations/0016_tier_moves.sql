CREATE TABLE "ho_tier_moves" (
	"shop_id" text NOT NULL,
	"day" text NOT NULL,
	"from_tier" text NOT NULL,
	"to_tier" text NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_tier_moves_day_shop_id_from_tier_to_tier_pk" PRIMARY KEY("day","shop_id","from_tier","to_tier")
);
