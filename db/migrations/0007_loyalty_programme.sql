CREATE TABLE `fetched_sales` (
	`sale_id` text PRIMARY KEY NOT NULL,
	`sale_json` text NOT NULL,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `goods` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`barcode` text,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`price_minor` integer NOT NULL,
	`active` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "goods_price_nonneg" CHECK("goods"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_sku_uq` ON `goods` (lower("sku"));--> statement-breakpoint
CREATE UNIQUE INDEX `goods_barcode_uq` ON `goods` (`barcode`);--> statement-breakpoint
CREATE TABLE `refund_lines` (
	`refund_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`quantity` integer NOT NULL,
	`amount_minor` integer,
	PRIMARY KEY(`refund_id`, `line_no`),
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`member_id` text,
	`settlement` text NOT NULL,
	`amount_minor` integer,
	`points_reversed` integer,
	`points_returned` integer,
	`below_zero` integer DEFAULT false NOT NULL,
	`currency` text NOT NULL,
	`business_day` text NOT NULL,
	`terminal_id` text NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `refunds_sale_idx` ON `refunds` (`sale_id`);--> statement-breakpoint
CREATE TABLE `tier_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`tier_code` text NOT NULL,
	`reason` text NOT NULL,
	`set_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`staff_id` text,
	`terminal_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tier_overrides_member_idx` ON `tier_overrides` (`member_id`,`set_at`);--> statement-breakpoint
CREATE TABLE `campaign_allowances` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`granted_points` integer DEFAULT 0 NOT NULL,
	`spent_points` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `members` ADD `next_expiry_at` integer;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `refund_id` text;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `reverses_id` text;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `lot_id` text;--> statement-breakpoint
CREATE INDEX `ledger_campaign_member_idx` ON `points_ledger` (`campaign_id`,`member_id`) WHERE "points_ledger"."campaign_id" is not null;--> statement-breakpoint
ALTER TABLE `rewards` ADD `min_tier_code` text;