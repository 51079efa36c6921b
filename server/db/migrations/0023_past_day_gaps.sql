CREATE TABLE "ho_home_gaps" (
	"next_day" text NOT NULL,
	"last_day" text NOT NULL,
	"home_shop_id" text NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_home_gaps_next_day_last_day_home_shop_id_pk" PRIMARY KEY("next_day","last_day","home_shop_id")
);
--> statement-breakpoint
CREATE TABLE "ho_visit_gaps" (
	"next_day" text NOT NULL,
	"last_day" text NOT NULL,
	"visits" bigint DEFAULT 0 NOT NULL,
	"buyers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_visit_gaps_next_day_last_day_visits_pk" PRIMARY KEY("next_day","last_day","visits")
);

--> statement-breakpoint
-- Each buyer's closed gaps between purchase days, counted (server/stats/README.md, "As of a past day, kept"):
-- per purchase day except the last, the buyer's sales up to it and their next purchase day. The statement's
-- buyers are counted again with and without its rows and the difference added: a late sale between two known
-- days splits a gap and adds one to every later gap's visits. Keys in order, as 0021's counts.
CREATE FUNCTION ho_sales_gaps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The buyers locked in id order: two terminals deriving one buyer's sales take turns, and the second counts
  -- after the first commits (each statement below reads a new snapshot).
  PERFORM 1 FROM ho_members WHERE id IN (SELECT member_id FROM new_rows) ORDER BY id FOR NO KEY UPDATE;
  -- Each buyer's sales per day now (k = 1) and before the statement (k = -1: its own rows taken off by count,
  -- not by a join to new_rows, which has no statistics: a nested loop over it cost a second per 1,000 sales).
  WITH buyers AS (SELECT DISTINCT member_id FROM new_rows WHERE member_id IS NOT NULL),
  days AS (
    SELECT member_id, day, k, sum(n) AS n FROM (
      SELECT s.member_id, s.business_day, v.k, 1
      FROM ho_sales s JOIN buyers b ON b.member_id = s.member_id CROSS JOIN (VALUES (1), (-1)) AS v(k)
      UNION ALL
      SELECT member_id, business_day, -1, -1 FROM new_rows WHERE member_id IS NOT NULL
    ) AS r(member_id, day, k, n)
    GROUP BY 1, 2, 3 HAVING sum(n) > 0
  ),
  gaps AS (
    SELECT member_id, k, day AS last_day, (sum(n) OVER w)::bigint AS visits, lead(day) OVER w AS next_day
    FROM days WINDOW w AS (PARTITION BY member_id, k ORDER BY day)
  ),
  closed AS (
    SELECT g.next_day, g.last_day, g.visits, coalesce(m.home_shop_id, '') AS home, g.k
    FROM gaps g LEFT JOIN ho_members m ON m.id = g.member_id WHERE g.next_day IS NOT NULL
  ),
  visit AS (
    INSERT INTO ho_visit_gaps (next_day, last_day, visits, buyers)
    SELECT next_day, last_day, visits, sum(k) FROM closed GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (next_day, last_day, visits) DO UPDATE SET buyers = ho_visit_gaps.buyers + excluded.buyers
  )
  INSERT INTO ho_home_gaps (next_day, last_day, home_shop_id, buyers)
  SELECT next_day, last_day, home, sum(k) FROM closed GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (next_day, last_day, home_shop_id) DO UPDATE SET buyers = ho_home_gaps.buyers + excluded.buyers;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_sales_gaps_insert AFTER INSERT ON ho_sales
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ho_sales_gaps();
--> statement-breakpoint
-- Every buyer's gaps from ho_sales: the back-fill below and rebuildSummaries.
CREATE FUNCTION ho_sales_gaps_refill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ho_visit_gaps;
  DELETE FROM ho_home_gaps;
  WITH days AS (
    SELECT member_id, business_day AS day, count(*) AS n FROM ho_sales WHERE member_id IS NOT NULL GROUP BY 1, 2
  ),
  gaps AS (
    SELECT member_id, day AS last_day, (sum(n) OVER w)::bigint AS visits, lead(day) OVER w AS next_day
    FROM days WINDOW w AS (PARTITION BY member_id ORDER BY day)
  ),
  closed AS (
    SELECT g.next_day, g.last_day, g.visits, coalesce(m.home_shop_id, '') AS home
    FROM gaps g LEFT JOIN ho_members m ON m.id = g.member_id WHERE g.next_day IS NOT NULL
  ),
  visit AS (
    INSERT INTO ho_visit_gaps (next_day, last_day, visits, buyers)
    SELECT next_day, last_day, visits, count(*) FROM closed GROUP BY 1, 2, 3
  )
  INSERT INTO ho_home_gaps (next_day, last_day, home_shop_id, buyers)
  SELECT next_day, last_day, home, count(*) FROM closed GROUP BY 1, 2, 3;
END $$;
--> statement-breakpoint
SELECT ho_sales_gaps_refill();
