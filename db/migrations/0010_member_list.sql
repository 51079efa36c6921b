ALTER TABLE `members` ADD `birthday_month` text GENERATED ALWAYS AS (substr(birthday, -5, 2)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `members_list_name_idx` ON `members` (`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `members_list_balance_idx` ON `members` (`points_balance`,`id`);--> statement-breakpoint
CREATE INDEX `members_list_visit_idx` ON `members` (`last_visit_at`,`id`);--> statement-breakpoint
CREATE INDEX `members_list_joined_idx` ON `members` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `members_list_tier_idx` ON `members` (`tier_code`,`points_balance`);--> statement-breakpoint
CREATE INDEX `members_list_birthday_idx` ON `members` (`birthday_month`);--> statement-breakpoint
CREATE INDEX `members_list_live_idx` ON `members` (`erased_at`);