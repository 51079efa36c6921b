CREATE TABLE "ho_campaign_sales" (
	"campaign_id" text NOT NULL,
	"sale_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"total_minor" bigint NOT NULL,
	CONSTRAINT "ho_campaign_sales_campaign_id_sale_id_pk" PRIMARY KEY("campaign_id","sale_id")
);
--> statement-breakpoint
-- Kept on every insert of earn rows naming a campaign and a sale, in the inserting transaction
-- (server/campaigns/README.md, "The effect, kept"); rebuildSummaries makes it again from the rows.
CREATE FUNCTION ho_campaign_sales_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ho_campaign_sales (campaign_id, sale_id, shop_id, total_minor)
  SELECT DISTINCT l.campaign_id, l.sale_id, s.shop_id, s.total_minor
  FROM ho_ledger_new l JOIN ho_sales s ON s.id = l.sale_id
  WHERE l.kind = 'earn' AND l.campaign_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_ledger_campaign_sales AFTER INSERT ON ho_ledger
  REFERENCING NEW TABLE AS ho_ledger_new FOR EACH STATEMENT EXECUTE FUNCTION ho_campaign_sales_keep();
--> statement-breakpoint
INSERT INTO ho_campaign_sales (campaign_id, sale_id, shop_id, total_minor)
  SELECT DISTINCT l.campaign_id, l.sale_id, s.shop_id, s.total_minor
  FROM ho_ledger l JOIN ho_sales s ON s.id = l.sale_id
  WHERE l.kind = 'earn' AND l.campaign_id IS NOT NULL;
