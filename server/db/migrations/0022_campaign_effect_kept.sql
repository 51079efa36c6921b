CREATE TABLE "ho_campaign_earners" (
	"campaign_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "ho_campaign_earners_campaign_id_shop_id_member_id_pk" PRIMARY KEY("campaign_id","shop_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "ho_campaign_effect" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"participants" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_campaign_lift_sums" (
	"campaign_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"population" text NOT NULL,
	"held" boolean NOT NULL,
	"n" bigint NOT NULL,
	"visits" numeric NOT NULL,
	"visits_sq" numeric NOT NULL,
	"spend" numeric NOT NULL,
	"spend_sq" numeric NOT NULL,
	CONSTRAINT "ho_campaign_lift_sums_campaign_id_shop_id_population_held_pk"
		PRIMARY KEY("campaign_id","shop_id","population","held")
);
--> statement-breakpoint
CREATE TABLE "ho_campaign_participants" (
	"campaign_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "ho_campaign_participants_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "ho_campaign_shop_effect" (
	"campaign_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"participants" bigint DEFAULT 0 NOT NULL,
	"points_issued" bigint DEFAULT 0 NOT NULL,
	"points_net" bigint DEFAULT 0 NOT NULL,
	"sales_count" bigint DEFAULT 0 NOT NULL,
	"sales_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ho_campaign_shop_effect_campaign_id_shop_id_pk" PRIMARY KEY("campaign_id","shop_id")
);
--> statement-breakpoint
-- A campaign's ledger figures kept per shop (server/campaigns/README.md, "The effect's figures, kept"): every
-- insert of ledger rows naming a campaign adds their points, and a member's first earn row for the campaign
-- (at a shop, and at any shop) adds a participant; a reversal never takes one away, as count(DISTINCT) of the
-- earn rows did not. One statement, keys in order, so two derivations lock the counter rows in the same order.
CREATE FUNCTION ho_campaign_ledger_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH l AS (
    SELECT campaign_id, shop_id, member_id, kind, delta FROM ho_ledger_new WHERE campaign_id IS NOT NULL
  ), earners AS (
    INSERT INTO ho_campaign_earners (campaign_id, shop_id, member_id)
    SELECT DISTINCT campaign_id, shop_id, member_id FROM l WHERE kind = 'earn' ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING RETURNING campaign_id, shop_id
  ), participants AS (
    INSERT INTO ho_campaign_participants (campaign_id, member_id)
    SELECT DISTINCT campaign_id, member_id FROM l WHERE kind = 'earn' ORDER BY 1, 2
    ON CONFLICT DO NOTHING RETURNING campaign_id
  ), overall AS (
    INSERT INTO ho_campaign_effect AS e (campaign_id, participants)
    SELECT campaign_id, count(*) FROM participants GROUP BY 1 ORDER BY 1
    ON CONFLICT (campaign_id) DO UPDATE SET participants = e.participants + excluded.participants
  )
  INSERT INTO ho_campaign_shop_effect AS e (campaign_id, shop_id, participants, points_issued, points_net)
  SELECT campaign_id, shop_id, sum(p), sum(i), sum(n) FROM (
    SELECT campaign_id, shop_id, 0 AS p, CASE WHEN kind = 'earn' THEN delta ELSE 0 END AS i, delta AS n FROM l
    UNION ALL SELECT campaign_id, shop_id, 1, 0, 0 FROM earners
  ) d GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (campaign_id, shop_id) DO UPDATE SET participants = e.participants + excluded.participants,
    points_issued = e.points_issued + excluded.points_issued, points_net = e.points_net + excluded.points_net;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_ledger_campaign_effect AFTER INSERT ON ho_ledger
  REFERENCING NEW TABLE AS ho_ledger_new FOR EACH STATEMENT EXECUTE FUNCTION ho_campaign_ledger_keep();
--> statement-breakpoint
-- The attributed sales counted per shop as 0018's trigger keeps them (a sale named again inserts nothing).
CREATE FUNCTION ho_campaign_sales_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ho_campaign_shop_effect AS e (campaign_id, shop_id, sales_count, sales_minor)
  SELECT campaign_id, shop_id, count(*), sum(total_minor) FROM ho_campaign_sales_new GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (campaign_id, shop_id) DO UPDATE SET sales_count = e.sales_count + excluded.sales_count,
    sales_minor = e.sales_minor + excluded.sales_minor;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_campaign_sales_counted AFTER INSERT ON ho_campaign_sales
  REFERENCING NEW TABLE AS ho_campaign_sales_new FOR EACH STATEMENT EXECUTE FUNCTION ho_campaign_sales_count();
--> statement-breakpoint
-- Every campaign's kept figures made again from ho_ledger and ho_campaign_sales (rebuildSummaries, and below).
CREATE FUNCTION ho_campaign_effect_refill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ho_campaign_earners;
  DELETE FROM ho_campaign_participants;
  DELETE FROM ho_campaign_effect;
  DELETE FROM ho_campaign_shop_effect;
  INSERT INTO ho_campaign_earners (campaign_id, shop_id, member_id)
    SELECT DISTINCT campaign_id, shop_id, member_id FROM ho_ledger WHERE kind = 'earn' AND campaign_id IS NOT NULL;
  INSERT INTO ho_campaign_participants (campaign_id, member_id)
    SELECT DISTINCT campaign_id, member_id FROM ho_campaign_earners;
  INSERT INTO ho_campaign_effect (campaign_id, participants)
    SELECT campaign_id, count(*) FROM ho_campaign_participants GROUP BY 1;
  INSERT INTO ho_campaign_shop_effect (campaign_id, shop_id, participants, points_issued, points_net, sales_count,
    sales_minor)
  SELECT campaign_id, shop_id, sum(p), sum(i), sum(n), sum(c), sum(m) FROM (
    SELECT campaign_id, shop_id, 0 AS p, CASE WHEN kind = 'earn' THEN delta ELSE 0 END AS i, delta AS n, 0 AS c,
      0 AS m
    FROM ho_ledger WHERE campaign_id IS NOT NULL
    UNION ALL SELECT campaign_id, shop_id, count(*), 0, 0, 0, 0 FROM ho_campaign_earners GROUP BY 1, 2
    UNION ALL SELECT campaign_id, shop_id, 0, 0, 0, count(*), sum(total_minor) FROM ho_campaign_sales GROUP BY 1, 2
  ) d GROUP BY 1, 2;
END $$;
--> statement-breakpoint
SELECT ho_campaign_effect_refill();
--> statement-breakpoint
-- The look-back of a published campaign's whole window (liftWindow in campaignEffect.ts once it has ended:
-- as long as the window, at least a day, at most MAX_LOOKBACK_MS): the kept sums' population.
CREATE FUNCTION ho_campaign_lift_lookbacks() RETURNS TABLE (id text, lookback_from bigint)
LANGUAGE sql STABLE AS $$
  SELECT id, starts_at - least(greatest(ends_at - starts_at, 86400000), 7776000000) FROM ho_campaign_windows()
$$;
--> statement-breakpoint
-- The statement adding signed rows of ho_campaign_members to ho_campaign_lift_sums (server/campaigns/README.md,
-- "The lift's sums, kept"). `kept_rows` (WITH items, without the WITH) names campaign_id, member_id, shop_id, held,
-- active, visits, spend and sign (+1 a row as it is now, -1 as it was): over every shop a member's rows are added
-- up first (liftsOfRows' per_member), at each shop a row is the member. Keys in order.
CREATE FUNCTION ho_campaign_lift_sums_sql(kept_rows text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH %s, per_member AS (
      SELECT campaign_id, member_id, held, sign, bool_or(active) AS active, sum(visits) AS visits, sum(spend) AS spend
      FROM kept_rows GROUP BY 1, 2, 3, 4
    ), d AS (
      SELECT campaign_id, '' AS shop_id, 'activeBefore' AS population, held, sign, visits, spend
        FROM per_member WHERE active
      UNION ALL SELECT campaign_id, '', 'buyers', held, sign, visits, spend FROM per_member WHERE visits > 0
      UNION ALL SELECT campaign_id, shop_id, 'activeBefore', held, sign, visits, spend FROM kept_rows WHERE active
      UNION ALL SELECT campaign_id, shop_id, 'buyers', held, sign, visits, spend FROM kept_rows WHERE visits > 0
    )
    INSERT INTO ho_campaign_lift_sums AS t (campaign_id, shop_id, population, held, n, visits, visits_sq, spend,
      spend_sq)
    SELECT campaign_id, shop_id, population, held, sum(sign), sum(sign * visits::numeric),
      sum(sign * visits::numeric * visits), sum(sign * spend::numeric), sum(sign * spend::numeric * spend)
    FROM d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, shop_id, population, held) DO UPDATE SET n = t.n + excluded.n,
      visits = t.visits + excluded.visits, visits_sq = t.visits_sq + excluded.visits_sq,
      spend = t.spend + excluded.spend, spend_sq = t.spend_sq + excluded.spend_sq$q$, kept_rows)
$f$;
--> statement-breakpoint
-- One campaign's sums made again from its kept members.
CREATE FUNCTION ho_campaign_lift_sums_refill(cid text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ho_campaign_lift_sums WHERE campaign_id = cid;
  EXECUTE ho_campaign_lift_sums_sql(format($q$kept_rows AS (
    SELECT k.campaign_id, k.member_id, k.shop_id, k.held,
      coalesce(k.last_before_at >= b.lookback_from, FALSE) AS active,
      k.visits, k.spend_minor AS spend, 1 AS sign
    FROM ho_campaign_members k JOIN ho_campaign_lift_lookbacks() b ON b.id = k.campaign_id
    WHERE k.campaign_id = %L)$q$, cid));
END $$;
--> statement-breakpoint
-- 0020's keep, its sums kept in the same statement: the rows it upserts (RETURNING, as they are now) and the
-- touched members' rows as the statement found them (its snapshot), signed. The campaigns' locks first (in id
-- order), so that snapshot is taken after any other derivation adding to them has committed: two at once would
-- each take the member's rows as they were before both (and every writer waits on the sums' rows anyway).
CREATE OR REPLACE FUNCTION ho_campaign_members_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7302117, hashtext(t.id)) FROM (SELECT DISTINCT c.id
    FROM ho_campaign_windows() c
    JOIN ho_sales_new s ON s.created_at >= c.starts_at - 7776000000 AND s.created_at < c.ends_at
    WHERE s.member_id IS NOT NULL ORDER BY c.id) t;
  EXECUTE ho_campaign_lift_sums_sql($q$up AS (
    INSERT INTO ho_campaign_members AS k (campaign_id, member_id, shop_id, joined_at, held, last_before_at, visits,
      spend_minor)
    SELECT c.id, s.member_id, s.shop_id, m.created_at, ho_campaign_held(c.id, s.member_id, c.holdout_bp),
      max(s.created_at) FILTER (WHERE s.created_at < c.starts_at),
      count(*) FILTER (WHERE s.created_at >= c.starts_at),
      coalesce(sum(s.total_minor) FILTER (WHERE s.created_at >= c.starts_at), 0)
    FROM ho_campaign_windows() c
    JOIN ho_sales_new s ON s.created_at >= c.starts_at - 7776000000 AND s.created_at < c.ends_at
    JOIN ho_members m ON m.id = s.member_id
    GROUP BY c.id, c.starts_at, c.holdout_bp, s.member_id, s.shop_id, m.created_at
    ORDER BY c.id, s.member_id, s.shop_id
    ON CONFLICT (campaign_id, member_id, shop_id) DO UPDATE SET
      last_before_at = GREATEST(k.last_before_at, excluded.last_before_at),
      visits = k.visits + excluded.visits,
      spend_minor = k.spend_minor + excluded.spend_minor
    RETURNING k.campaign_id, k.member_id, k.shop_id, k.held, k.last_before_at, k.visits, k.spend_minor
  ), was AS (
    SELECT k.campaign_id, k.member_id, k.shop_id, k.held, k.last_before_at, k.visits, k.spend_minor
    FROM ho_campaign_members k WHERE (k.campaign_id, k.member_id) IN (SELECT campaign_id, member_id FROM up)
  ), signed AS (
    SELECT was.*, -1 AS sign FROM was
    UNION ALL SELECT up.*, 1 FROM up
    UNION ALL SELECT w.*, 1 FROM was w WHERE NOT EXISTS (SELECT 1 FROM up u
      WHERE u.campaign_id = w.campaign_id AND u.member_id = w.member_id AND u.shop_id = w.shop_id)
  ), kept_rows AS (
    SELECT x.campaign_id, x.member_id, x.shop_id, x.held,
      coalesce(x.last_before_at >= b.lookback_from, FALSE) AS active,
      x.visits, x.spend_minor AS spend, x.sign
    FROM signed x JOIN ho_campaign_lift_lookbacks() b ON b.id = x.campaign_id
  )$q$);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- 0020's refill, the campaign's sums made again with its rows.
CREATE OR REPLACE FUNCTION ho_campaign_members_refill(cid text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ho_campaign_windows() c WHERE c.id = cid) THEN
    PERFORM pg_advisory_xact_lock(7302116, hashtext(t.id)) FROM (SELECT id FROM ho_terminals ORDER BY id) t;
  END IF;
  DELETE FROM ho_campaign_members WHERE campaign_id = cid;
  INSERT INTO ho_campaign_members (campaign_id, member_id, shop_id, joined_at, held, last_before_at, visits,
    spend_minor)
  SELECT c.id, s.member_id, s.shop_id, m.created_at, ho_campaign_held(c.id, s.member_id, c.holdout_bp),
    max(s.created_at) FILTER (WHERE s.created_at < c.starts_at),
    count(*) FILTER (WHERE s.created_at >= c.starts_at),
    coalesce(sum(s.total_minor) FILTER (WHERE s.created_at >= c.starts_at), 0)
  FROM ho_campaign_windows() c
  JOIN ho_sales s ON s.created_at >= c.starts_at - 7776000000 AND s.created_at < c.ends_at
  JOIN ho_members m ON m.id = s.member_id
  WHERE c.id = cid
  GROUP BY c.id, c.starts_at, c.holdout_bp, s.member_id, s.shop_id, m.created_at;
  PERFORM ho_campaign_lift_sums_refill(cid);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ho_campaign_members_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM ho_campaign_members WHERE campaign_id = OLD.id;
    DELETE FROM ho_campaign_lift_sums WHERE campaign_id = OLD.id;
  ELSIF TG_OP = 'INSERT' OR OLD.campaign->'startsAt' IS DISTINCT FROM NEW.campaign->'startsAt'
      OR OLD.campaign->'endsAt' IS DISTINCT FROM NEW.campaign->'endsAt'
      OR OLD.campaign->'holdoutBp' IS DISTINCT FROM NEW.campaign->'holdoutBp'
      OR OLD.campaign->'published' IS DISTINCT FROM NEW.campaign->'published' THEN
    PERFORM ho_campaign_members_refill(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
SELECT ho_campaign_lift_sums_refill(id) FROM ho_campaigns WHERE (campaign->>'published')::boolean ORDER BY id;
