ALTER TABLE `sales` ADD `staff_id` text;--> statement-breakpoint
UPDATE `sales` SET `staff_id` = `o`.`staff` FROM (SELECT `record_id` AS `id`, json_extract(`payload_json`, '$.staffId') AS `staff` FROM `outbox` WHERE `record_type` = 'sale') AS `o` WHERE `o`.`id` = `sales`.`id` AND `o`.`staff` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `sales_query_idx` ON `sales` (`business_day`,`created_at`,`id`,`total_minor`,`staff_id`);
