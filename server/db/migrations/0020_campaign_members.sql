CREATE TABLE "ho_campaign_members" (
	"campaign_id" text NOT NULL,
	"member_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"joined_at" bigint NOT NULL,
	"held" boolean NOT NULL,
	"last_before_at" bigint,
	"visits" integer NOT NULL,
	"spend_minor" bigint NOT NULL,
	CONSTRAINT "ho_campaign_members_campaign_id_member_id_shop_id_pk" PRIMARY KEY("campaign_id","member_id","shop_id")
);
--> statement-breakpoint
-- A published campaign's members by shop (server/campaigns/README.md, "The lift, kept"). The holdout's
-- split as holdoutOnServer.ts's heldOutSql: SHA-256 of "campaign\nmember", its first 32 bits h held out
-- when h * 10000 < holdoutBp * 2^32 (the engine's h / 2^32 < share).
CREATE FUNCTION ho_campaign_held(campaign_id text, member_id text, holdout_bp integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT holdout_bp > 0 AND (get_byte(d, 0)::bigint * 16777216 + get_byte(d, 1)::bigint * 65536
    + get_byte(d, 2)::bigint * 256 + get_byte(d, 3)::bigint) * 10000 < holdout_bp::bigint * 4294967296
  FROM (SELECT sha256(convert_to(campaign_id || chr(10) || member_id, 'UTF8')) AS d) h
$$;
--> statement-breakpoint
-- Published campaigns' windows; 7776000000 ms = MAX_LOOKBACK_MS (90 days, campaignEffect.ts): the
-- furthest back a look-back reaches, so the latest sale before the start answers any look-back.
CREATE FUNCTION ho_campaign_windows() RETURNS TABLE (id text, starts_at bigint, ends_at bigint, holdout_bp integer)
LANGUAGE sql STABLE AS $$
  SELECT id, (campaign->>'startsAt')::bigint, (campaign->>'endsAt')::bigint, (campaign->>'holdoutBp')::integer
  FROM ho_campaigns WHERE (campaign->>'published')::boolean
$$;
--> statement-breakpoint
-- Every insert of sales adds them to each published campaign whose look-back or window they fall in, in
-- the inserting transaction (a late offline sale too: only its created_at counts). Key order: no deadlock.
CREATE FUNCTION ho_campaign_members_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    spend_minor = k.spend_minor + excluded.spend_minor;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_sales_campaign_members AFTER INSERT ON ho_sales
  REFERENCING NEW TABLE AS ho_sales_new FOR EACH STATEMENT EXECUTE FUNCTION ho_campaign_members_keep();
--> statement-breakpoint
-- One campaign's rows made again from ho_sales (a read of its look-back and window by ho_sales_created_idx).
-- Every terminal's derivation lock first (DERIVE_LOCK_NAMESPACE 7302116, server/sync/deriveChunk.ts, in
-- the order a merge takes them): a derivation in flight commits its sales before the read, and one after
-- waits for this transaction and then sees the campaign.
CREATE FUNCTION ho_campaign_members_refill(cid text) RETURNS void LANGUAGE plpgsql AS $$
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
END $$;
--> statement-breakpoint
-- A campaign saved, published or deleted: its rows follow in the same transaction when what they depend on
-- changed (the target is applied when read; a cancel or a budget grant changes nothing here).
CREATE FUNCTION ho_campaign_members_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM ho_campaign_members WHERE campaign_id = OLD.id;
  ELSIF TG_OP = 'INSERT' OR OLD.campaign->'startsAt' IS DISTINCT FROM NEW.campaign->'startsAt'
      OR OLD.campaign->'endsAt' IS DISTINCT FROM NEW.campaign->'endsAt'
      OR OLD.campaign->'holdoutBp' IS DISTINCT FROM NEW.campaign->'holdoutBp'
      OR OLD.campaign->'published' IS DISTINCT FROM NEW.campaign->'published' THEN
    PERFORM ho_campaign_members_refill(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ho_campaigns_members AFTER INSERT OR UPDATE OF campaign OR DELETE ON ho_campaigns
  FOR EACH ROW EXECUTE FUNCTION ho_campaign_members_follow();
--> statement-breakpoint
SELECT ho_campaign_members_refill(id) FROM ho_campaigns WHERE (campaign->>'published')::boolean;
