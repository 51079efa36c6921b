CREATE TABLE "ho_buyer_cells" (
	"last_day" text NOT NULL,
	"visits" bigint DEFAULT 0 NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_buyer_cells_last_day_visits_pk" PRIMARY KEY("last_day","visits")
);
--> statement-breakpoint
CREATE TABLE "ho_buyer_home_days" (
	"home_shop_id" text NOT NULL,
	"last_day" text NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_buyer_home_days_home_shop_id_last_day_pk" PRIMARY KEY("home_shop_id","last_day")
);
--> statement-breakpoint
CREATE TABLE "ho_buyer_spend" (
	"bucket" bigint DEFAULT 0 NOT NULL,
	"visited" boolean NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_buyer_spend_bucket_visited_pk" PRIMARY KEY("bucket","visited")
);
--> statement-breakpoint
CREATE INDEX "ho_member_activity_spend_idx" ON "ho_member_activity" USING btree ("spend_minor");--> statement-breakpoint
-- ho_member_activity counted (server/stats/README.md, "Buyers counted"): every statement that inserts,
-- updates or deletes its rows adds its new rows and takes off its old ones, in the same transaction. Keys in
-- order, so two derivations adding to the same cells lock them in the same order.
CREATE FUNCTION ho_buyer_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'member_id, last_day, visits, spend_minor';
  d text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS k FROM new_rows', cols)
    WHEN 'UPDATE' THEN format('SELECT %s, 1 AS k FROM new_rows UNION ALL SELECT %s, -1 FROM old_rows', cols, cols)
    ELSE format('SELECT %s, -1 AS k FROM old_rows', cols)
  END;
BEGIN
  EXECUTE format('INSERT INTO ho_buyer_cells (last_day, visits, buyers)
    SELECT last_day, visits, sum(k) FROM (%s) d GROUP BY 1, 2 HAVING sum(k) <> 0 ORDER BY 1, 2
    ON CONFLICT (last_day, visits) DO UPDATE SET buyers = ho_buyer_cells.buyers + excluded.buyers', d);
  EXECUTE format('INSERT INTO ho_buyer_spend (bucket, visited, buyers)
    SELECT spend_minor >> 7, visits > 0, sum(k) FROM (%s) d GROUP BY 1, 2 HAVING sum(k) <> 0 ORDER BY 1, 2
    ON CONFLICT (bucket, visited) DO UPDATE SET buyers = ho_buyer_spend.buyers + excluded.buyers', d);
  EXECUTE format('INSERT INTO ho_buyer_home_days (home_shop_id, last_day, buyers)
    SELECT coalesce(m.home_shop_id, %L), d.last_day, sum(d.k) FROM (%s) d LEFT JOIN ho_members m ON m.id = d.member_id
    GROUP BY 1, 2 HAVING sum(d.k) <> 0 ORDER BY 1, 2
    ON CONFLICT (home_shop_id, last_day) DO UPDATE SET buyers = ho_buyer_home_days.buyers + excluded.buyers', '', d);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_buyer_counts_insert AFTER INSERT ON ho_member_activity
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ho_buyer_counts();
--> statement-breakpoint
CREATE TRIGGER ho_buyer_counts_update AFTER UPDATE ON ho_member_activity
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ho_buyer_counts();
--> statement-breakpoint
CREATE TRIGGER ho_buyer_counts_delete AFTER DELETE ON ho_member_activity
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ho_buyer_counts();
--> statement-breakpoint
-- The rows already summed.
INSERT INTO ho_buyer_cells (last_day, visits, buyers)
  SELECT last_day, visits, count(*) FROM ho_member_activity GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO ho_buyer_spend (bucket, visited, buyers)
  SELECT spend_minor >> 7, visits > 0, count(*) FROM ho_member_activity GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO ho_buyer_home_days (home_shop_id, last_day, buyers)
  SELECT coalesce(m.home_shop_id, ''), a.last_day, count(*) FROM ho_member_activity a
    LEFT JOIN ho_members m ON m.id = a.member_id GROUP BY 1, 2;
