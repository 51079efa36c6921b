ALTER TABLE `sales` ADD `staff_id` text;--> statement-breakpoint
UPDATE `sales` SET `staff_id` = (SELECT json_extract(`payload_json`, '$.staffId') FROM `outbox` WHERE `record_type` = 'sale' AND `record_id` = `sales`.`id`);--> statement-breakpoint
CREATE INDEX `sales_query_idx` ON `sales` (`business_day`,`created_at`,`id`,`total_minor`,`staff_id`);
