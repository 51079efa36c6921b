CREATE TABLE `campaign_allowances` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`granted_points` integer DEFAULT 0 NOT NULL,
	`spent_points` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ledger_campaign_member_idx` ON `points_ledger` (`campaign_id`,`member_id`) WHERE "points_ledger"."campaign_id" is not null;