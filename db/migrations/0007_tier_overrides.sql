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
CREATE INDEX `tier_overrides_member_idx` ON `tier_overrides` (`member_id`,`set_at`);