CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`at` integer NOT NULL,
	`terminal_id` text NOT NULL,
	`staff_id` text,
	`action` text NOT NULL,
	`member_id` text,
	`subject` text,
	`details_json` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_id_idx` ON `audit_log` (`id`);--> statement-breakpoint
CREATE INDEX `audit_log_member_idx` ON `audit_log` (`member_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_staff_idx` ON `audit_log` (`staff_id`,`seq`);