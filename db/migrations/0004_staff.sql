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
ALTER TABLE `terminal` ADD `idle_lock_minutes` integer;--> statement-breakpoint
ALTER TABLE `terminal` ADD `cashier_redeem_limit_points` integer;