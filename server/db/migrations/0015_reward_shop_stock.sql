CREATE TABLE "ho_reward_shop_stock" (
	"reward_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"stock" integer,
	"redeemed" integer DEFAULT 0 NOT NULL,
	"set_at" bigint NOT NULL,
	CONSTRAINT "ho_reward_shop_stock_reward_id_shop_id_pk" PRIMARY KEY("reward_id","shop_id")
);
--> statement-breakpoint
ALTER TABLE "ho_reward_shop_stock" ADD CONSTRAINT "ho_reward_shop_stock_reward_id_ho_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."ho_rewards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_reward_shop_stock" ADD CONSTRAINT "ho_reward_shop_stock_shop_id_ho_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."ho_shops"("id") ON DELETE no action ON UPDATE no action;