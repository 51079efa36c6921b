CREATE TABLE `merged_members` (
	`duplicate_id` text PRIMARY KEY NOT NULL,
	`survivor_id` text NOT NULL,
	`at` integer NOT NULL
);
