CREATE TABLE "ho_goods" (
	"id" text PRIMARY KEY NOT NULL,
	"sku" text NOT NULL,
	"barcode" text,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"active" boolean NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ho_goods_sku_uq" ON "ho_goods" USING btree (lower("sku"));--> statement-breakpoint
CREATE UNIQUE INDEX "ho_goods_barcode_uq" ON "ho_goods" USING btree ("barcode");