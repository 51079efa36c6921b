ALTER TABLE `members` ADD `next_expiry_at` integer;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `points_ledger` ADD `lot_id` text;