CREATE TABLE `fetched_sales` (
	`sale_id` text PRIMARY KEY NOT NULL,
	`sale_json` text NOT NULL,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE `points_ledger` ADD `refund_id` text;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `reverses_id` text;