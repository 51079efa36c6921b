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
ALTER TABLE `terminal` ADD `member_check_above_points` integer;