CREATE TABLE `goods` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`barcode` text,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`price_minor` integer NOT NULL,
	`active` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "goods_price_nonneg" CHECK("goods"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_sku_uq` ON `goods` (lower("sku"));--> statement-breakpoint
CREATE UNIQUE INDEX `goods_barcode_uq` ON `goods` (`barcode`);