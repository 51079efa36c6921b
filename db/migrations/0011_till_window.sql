ALTER TABLE `terminal` ADD `start_at_login` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `terminal` ADD `kiosk` integer DEFAULT false NOT NULL;