CREATE INDEX `members_created_idx` ON `members` (`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_expire_day_idx` ON `points_ledger` (`created_at`) WHERE "points_ledger"."kind" = 'expire';--> statement-breakpoint
CREATE INDEX `redemptions_day_idx` ON `redemptions` (`business_day`);--> statement-breakpoint
CREATE INDEX `refunds_day_idx` ON `refunds` (`business_day`);