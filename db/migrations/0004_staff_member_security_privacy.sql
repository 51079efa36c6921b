CREATE TABLE `member_checks` (
	`ticket` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`method` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE TABLE `member_security` (
	`member_id` text PRIMARY KEY NOT NULL,
	`pin_hash` text,
	`pin_salt` text,
	`pin_set_at` integer,
	`failed_tries` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`locked_at` integer
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`pin_salt` text NOT NULL,
	`failed_tries` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`active` integer DEFAULT true NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_active_idx` ON `staff` (`active`,`name`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_members` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`phone` text,
	`phone_tail` text NOT NULL,
	`phone_hash` text,
	`phone_masked` text,
	`erased_at` integer,
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
INSERT INTO `__new_members`("id", "name", "name_key", "phone", "phone_tail", "phone_hash", "phone_masked", "erased_at", "birthday", "tier_code", "points_balance", "points_earned_total", "visits", "last_visit_at", "home_shop_id", "created_at", "updated_at") SELECT "id", "name", "name_key", "phone", "phone_tail", NULL, NULL, NULL, "birthday", "tier_code", "points_balance", "points_earned_total", "visits", "last_visit_at", "home_shop_id", "created_at", "updated_at" FROM `members`;--> statement-breakpoint
DROP TABLE `members`;--> statement-breakpoint
ALTER TABLE `__new_members` RENAME TO `members`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `members_phone_uq` ON `members` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_phone_hash_uq` ON `members` (`phone_hash`);--> statement-breakpoint
CREATE INDEX `members_name_key_idx` ON `members` (`name_key`);--> statement-breakpoint
CREATE INDEX `members_phone_tail_idx` ON `members` (`phone_tail`);--> statement-breakpoint
ALTER TABLE `terminal` ADD `idle_lock_minutes` integer;--> statement-breakpoint
ALTER TABLE `terminal` ADD `cashier_redeem_limit_points` integer;--> statement-breakpoint
ALTER TABLE `terminal` ADD `member_check_above_points` integer;