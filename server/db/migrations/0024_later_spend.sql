CREATE TABLE "ho_buyer_day_spend" (
	"last_day" text NOT NULL,
	"bucket" bigint DEFAULT 0 NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_buyer_day_spend_last_day_bucket_pk" PRIMARY KEY("last_day","bucket")
);
--> statement-breakpoint
CREATE TABLE "ho_later_spend" (
	"day" text NOT NULL,
	"bucket" bigint DEFAULT 0 NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_later_spend_day_bucket_pk" PRIMARY KEY("day","bucket")
);
--> statement-breakpoint
CREATE TABLE "ho_later_spend_pending" (
	"member_id" text NOT NULL,
	"day" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"minor" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_later_spend_values" (
	"bucket" bigint DEFAULT 0 NOT NULL,
	"day" text NOT NULL,
	"spend_minor" bigint DEFAULT 0 NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_later_spend_values_bucket_day_spend_minor_pk" PRIMARY KEY("bucket","day","spend_minor")
);
--> statement-breakpoint
CREATE INDEX "ho_refunds_member_idx" ON "ho_refunds" USING btree ("member_id");--> statement-breakpoint
-- RFM as of a past day D, kept (server/stats/README.md, "RFM as of a past day, kept"). 0021's counts again, plus
-- ho_member_activity's rows per (last_day, spend bucket): the buyers whose latest purchase is by D, per bucket.
CREATE OR REPLACE FUNCTION ho_buyer_counts() RETURNS trigger LANGUAGE plpgsql AS $$
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
  EXECUTE format('INSERT INTO ho_buyer_day_spend (last_day, bucket, buyers)
    SELECT last_day, spend_minor >> 7, sum(k) FROM (%s) d GROUP BY 1, 2 HAVING sum(k) <> 0 ORDER BY 1, 2
    ON CONFLICT (last_day, bucket) DO UPDATE SET buyers = ho_buyer_day_spend.buyers + excluded.buyers', d);
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO ho_buyer_day_spend (last_day, bucket, buyers)
  SELECT last_day, spend_minor >> 7, count(*) FROM ho_member_activity GROUP BY 1, 2;
--> statement-breakpoint
-- The buyers who bought by D and again after it, as they stood at D: from a member's first purchase day to their
-- last, their spend (sales minus refunds, each by its business day) changes on the days they bought or refunded.
-- Counted as changes per day and spend: +1 where a buyer's spend starts (their first purchase, or a change), -1
-- where it ends (a change, or their last purchase), so the sum over days <= D is the buyers at D per spend, and
-- every buyer's changes sum to zero. The statement %s is a relation (member_id, k, day, n, minor) of each buyer's
-- sales (n) and spend (minor) per day, k = 1 to add a history and -1 to take one off. Keys in order, as 0021's.
CREATE FUNCTION ho_later_spend_sql() RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT $q$
  WITH days AS (
    SELECT member_id, k, day, sum(n)::bigint AS n, sum(minor)::bigint AS minor FROM (%s) AS r GROUP BY 1, 2, 3
  ),
  spends AS (
    SELECT k, day, (sum(minor) OVER w)::bigint AS spend,
      coalesce(day >= min(day) FILTER (WHERE n > 0) OVER p AND day < max(day) FILTER (WHERE n > 0) OVER p, false)
        AS inside,
      member_id
    FROM days WINDOW w AS (PARTITION BY member_id, k ORDER BY day), p AS (PARTITION BY member_id, k)
  ),
  changes AS (
    SELECT k, day, spend, inside, lag(spend) OVER w AS was, coalesce(lag(inside) OVER w, false) AS was_inside
    FROM spends WINDOW w AS (PARTITION BY member_id, k ORDER BY day)
  ),
  moves AS (
    SELECT day, spend, k FROM changes WHERE inside
    UNION ALL
    SELECT day, was, -k FROM changes WHERE was_inside
  ),
  by_bucket AS (
    INSERT INTO ho_later_spend (day, bucket, buyers)
    SELECT day, spend >> 7, sum(k) FROM moves GROUP BY 1, 2 HAVING sum(k) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, bucket) DO UPDATE SET buyers = ho_later_spend.buyers + excluded.buyers
  )
  INSERT INTO ho_later_spend_values (bucket, day, spend_minor, buyers)
  SELECT spend >> 7, day, spend, sum(k) FROM moves GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (bucket, day, spend_minor) DO UPDATE SET buyers = ho_later_spend_values.buyers + excluded.buyers
$q$ $f$;
--> statement-breakpoint
-- The changes of the buyers of `own` (member_id, day, n, minor: rows just written) counted again with and without
-- those rows (taken off by sum, as 0023's), for ho_later_spend_sql(): the difference is added. A buyer's days
-- before both the first day of `own` and their last purchase day without it have the same spend and lie inside
-- their purchases alike both ways: they are folded into one row on the latest of them, so a sale on the latest
-- day reads a few rows a buyer.
CREATE FUNCTION ho_later_spend_of(own text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT format(
  'WITH own AS (%s),
    buyers AS (SELECT member_id, min(day) AS first FROM own WHERE member_id IS NOT NULL GROUP BY member_id),
    history AS (
      SELECT s.member_id, s.business_day AS day, 1 AS n, s.total_minor AS minor
      FROM ho_sales s JOIN buyers b ON b.member_id = s.member_id
      UNION ALL
      SELECT f.member_id, f.business_day, 0, -f.amount_minor
      FROM ho_refunds f JOIN buyers b ON b.member_id = f.member_id
    ),
    sold_before AS (
      SELECT member_id, day FROM (
        SELECT member_id, day, n FROM history WHERE n > 0
        UNION ALL
        SELECT member_id, day, -n FROM own WHERE member_id IS NOT NULL AND n > 0
      ) AS d GROUP BY member_id, day HAVING sum(n) > 0
    ),
    fold AS (
      SELECT b.member_id, least(b.first, max(l.day)) AS until
      FROM buyers b LEFT JOIN sold_before l ON l.member_id = b.member_id GROUP BY b.member_id, b.first
    ),
    folded_day AS (
      SELECT h.member_id, max(h.day) AS day FROM history h JOIN fold f ON f.member_id = h.member_id
      WHERE h.day < f.until GROUP BY h.member_id
    ),
    folded AS (
      SELECT h.member_id, CASE WHEN h.day < f.until THEN d.day ELSE h.day END AS day, h.n, h.minor
      FROM history h JOIN fold f ON f.member_id = h.member_id LEFT JOIN folded_day d ON d.member_id = h.member_id
    )
  SELECT member_id, v.k, day, n, minor FROM folded CROSS JOIN (VALUES (1), (-1)) AS v(k)
  UNION ALL
  SELECT member_id, -1, day, -n, -minor FROM own WHERE member_id IS NOT NULL', own) $f$;
--> statement-breakpoint
-- On each statement that inserts sales or refunds (a refund changes spend without a purchase day). A derivation
-- (bulkApply.ts) sets tillcard.later_spend_deferred for its transaction: its rows are staged and counted once, by
-- ho_later_spend_flush(), so its counted rows are locked in key order in ONE statement (two statements, each in
-- key order, could each hold a row the other's next statement waits for).
CREATE FUNCTION ho_later_spend() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own constant text := CASE TG_TABLE_NAME
    WHEN 'ho_sales' THEN 'SELECT member_id, business_day AS day, 1 AS n, total_minor AS minor FROM new_rows'
    ELSE 'SELECT member_id, business_day AS day, 0 AS n, -amount_minor AS minor FROM new_rows'
  END;
BEGIN
  IF current_setting('tillcard.later_spend_deferred', true) = 'on' THEN
    EXECUTE format('INSERT INTO ho_later_spend_pending (member_id, day, n, minor)
      SELECT member_id, day, n, minor FROM (%s) AS o WHERE member_id IS NOT NULL', own);
    RETURN NULL;
  END IF;
  -- The buyers locked in id order, as 0023's trigger does: two statements changing one buyer's history take turns,
  -- and the second counts after the first commits (each statement below reads a new snapshot).
  PERFORM 1 FROM ho_members WHERE id IN (SELECT member_id FROM new_rows) ORDER BY id FOR NO KEY UPDATE;
  EXECUTE format(ho_later_spend_sql(), ho_later_spend_of(own));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The staged rows of this transaction counted (and deleted: ho_later_spend_pending holds nothing committed).
CREATE FUNCTION ho_later_spend_flush() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM ho_members WHERE id IN (SELECT member_id FROM ho_later_spend_pending) ORDER BY id
    FOR NO KEY UPDATE;
  EXECUTE format(ho_later_spend_sql(),
    ho_later_spend_of('SELECT member_id, day, n, minor FROM ho_later_spend_pending'));
  DELETE FROM ho_later_spend_pending;
  PERFORM set_config('tillcard.later_spend_deferred', 'off', true);
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_later_spend_sales AFTER INSERT ON ho_sales
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ho_later_spend();
--> statement-breakpoint
CREATE TRIGGER ho_later_spend_refunds AFTER INSERT ON ho_refunds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ho_later_spend();
--> statement-breakpoint
-- Every buyer's spend changes from ho_sales and ho_refunds: the back-fill below and rebuildSummaries.
CREATE FUNCTION ho_later_spend_refill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ho_later_spend;
  DELETE FROM ho_later_spend_values;
  EXECUTE format(ho_later_spend_sql(),
    'SELECT member_id, 1 AS k, business_day AS day, 1 AS n, total_minor AS minor FROM ho_sales
      WHERE member_id IS NOT NULL
     UNION ALL
     SELECT member_id, 1, business_day, 0, -amount_minor FROM ho_refunds WHERE member_id IS NOT NULL');
END $$;
--> statement-breakpoint
SELECT ho_later_spend_refill();
