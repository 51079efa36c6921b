CREATE TABLE `cards` (
	`number` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`status` text NOT NULL,
	`issued_at` integer NOT NULL,
	`status_changed_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cards_member_idx` ON `cards` (`member_id`,`status`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`phone` text NOT NULL,
	`phone_tail` text NOT NULL,
	`birthday` text,
	`tier_code` text,
	`points_balance` integer DEFAULT 0 NOT NULL,
	`points_earned_total` integer DEFAULT 0 NOT NULL,
	`visits` integer DEFAULT 0 NOT NULL,
	`last_visit_at` integer,
	`home_shop_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tier_code`) REFERENCES `tiers`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_phone_uq` ON `members` (`phone`);--> statement-breakpoint
CREATE INDEX `members_name_key_idx` ON `members` (`name_key`);--> statement-breakpoint
CREATE INDEX `members_phone_tail_idx` ON `members` (`phone_tail`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`record_id` text NOT NULL,
	`record_type` text NOT NULL,
	`payload_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`acked_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`seq`) WHERE "outbox"."acked_at" IS NULL;--> statement-breakpoint
CREATE TABLE `points_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`balance_after` integer,
	`sale_id` text,
	`redemption_id` text,
	`rule_version` integer,
	`campaign_id` text,
	`summary` text NOT NULL,
	`terminal_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`redemption_id`) REFERENCES `redemptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_member_idx` ON `points_ledger` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`points` integer NOT NULL,
	`terminal_id` text NOT NULL,
	`business_day` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `rewards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `redemptions_member_idx` ON `redemptions` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`input_hash` text NOT NULL,
	`result_json` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rewards` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`points_cost` integer NOT NULL,
	`cash_value_minor` integer NOT NULL,
	`stock` integer,
	`active` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "rewards_stock_nonneg" CHECK("rewards"."stock" IS NULL OR "rewards"."stock" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rewards_code_uq` ON `rewards` (`code`);--> statement-breakpoint
CREATE TABLE `rule_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`rules_json` text NOT NULL,
	`effective_from` integer NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`line_total_minor` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `line_no`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text,
	`card_number` text,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`points_earned` integer NOT NULL,
	`points_spent` integer NOT NULL,
	`rule_version` integer NOT NULL,
	`earn_summary` text NOT NULL,
	`explanation_json` text NOT NULL,
	`currency` text NOT NULL,
	`business_day` text NOT NULL,
	`terminal_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_version`) REFERENCES `rule_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_member_idx` ON `sales` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_day_idx` ON `sales` (`business_day`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `terminal` (
	`id` integer PRIMARY KEY NOT NULL,
	`terminal_id` text NOT NULL,
	`shop_id` text,
	`shop_name` text,
	`terminal_name` text,
	`terminal_code` text,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`currency` text DEFAULT 'CNY' NOT NULL,
	`card_key_hex` text NOT NULL,
	`next_card_serial` integer DEFAULT 0 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`configured_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "terminal_single_row" CHECK("terminal"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `tiers` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`rank` integer NOT NULL,
	`qualify_points` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `blocked_cards` (
	`number` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`params_json` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`active` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_sync_facts` (
	`member_id` text PRIMARY KEY NOT NULL,
	`offline_cap_points` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text NOT NULL,
	`payload_json` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_issues_entity_idx` ON `sync_issues` (`kind`,`entity_id`);--> statement-breakpoint
CREATE TABLE `sync_link` (
	`id` integer PRIMARY KEY NOT NULL,
	`head_office_url` text NOT NULL,
	`terminal_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`shop_name` text NOT NULL,
	`terminal_code` text NOT NULL,
	`token` text NOT NULL,
	`enrolled_at` integer NOT NULL
);
