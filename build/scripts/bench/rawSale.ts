import type Database from 'better-sqlite3';
import type { SaleReceipt } from '../../../shared/contract';

/**
 * The statements recordSale issues for a member sale (read from a trace of the service; the
 * suite checks the two traces match kind for kind), issued raw through better-sqlite3 prepared
 * statements with values made beforehand. What is left is SQLite's own cost: the reads, the
 * writes, the index updates and the synchronous=FULL commit. The service's time over this is
 * its overhead (contract validation, the rules engine, receipts and JSON, the request text, the
 * outbox record's check).
 *
 * Issue 15: like the service, it reads the running campaigns and what each may still give the
 * member, writes each campaign bonus as its own ledger row naming the campaign with the till's
 * spend of the campaign's allowance, gives each lot its expiry, and brings next_expiry_at forward.
 * Work the bench's data never asks of the service (a due lot's expiry, the expiring-soon read, a
 * birthday bonus) is not mirrored: the trace check says so if a sale ever does it.
 */
export function prepareRawSale(sqlite: Database.Database) {
  const st = {
    request: sqlite.prepare(
      'select "request_id", "channel", "input_json", "result_json", "created_at" from "requests" ' +
        'where "requests"."request_id" = ?',
    ),
    terminal: sqlite.prepare(
      'select "id", "terminal_id", "shop_id", "shop_name", "terminal_name", "terminal_code", "locale", ' +
        '"currency", "card_key_hex", "next_card_serial", "demo", "large_sale_limit_minor", "idle_lock_minutes", ' +
        '"cashier_redeem_limit_points", "member_check_above_points", "configured_at", "created_at" from "terminal" ' +
        'where "terminal"."id" = ?',
    ),
    ruleVersion: sqlite.prepare(
      'select "version" from "rule_versions" where "rule_versions"."effective_from" <= ? ' +
        'order by "rule_versions"."version" desc limit ?',
    ),
    member: sqlite.prepare(
      'select "id", "name", "name_key", "phone", "phone_tail", "phone_hash", "phone_masked", "erased_at", ' +
        '"birthday", "tier_code", "points_balance", "points_earned_total", "visits", "last_visit_at", ' +
        '"next_expiry_at", "home_shop_id", "spend_notices", "created_at", "updated_at" ' +
        'from "members" where "members"."id" = ?',
    ),
    syncLink: sqlite.prepare('select "id" from "sync_link" limit ?'),
    // The guard re-reads the signed-in account (deactivated or changed since sign-in?).
    staff: sqlite.prepare('select "role", "active" from "staff" where "staff"."id" = ?'),
    // The shop's category list (a sale line's category is checked against it).
    categories: sqlite.prepare('select "value" from "sync_state" where "sync_state"."key" = ?'),
    tiers: sqlite.prepare('select "code", "name", "rank", "qualify_points" from "tiers" order by "tiers"."rank" asc'),
    // The member's tier by the shop's rule (memberTier.ts), before and with the sale: the override in force.
    tierOverride: sqlite.prepare(
      'select "id", "member_id", "tier_code", "reason", "set_at", "ends_at", "staff_id", "terminal_id" ' +
        'from "tier_overrides" where "tier_overrides"."member_id" = ? ' +
        'order by "tier_overrides"."set_at" desc, "tier_overrides"."id" desc limit ?',
    ),
    // The running campaigns (campaignStore.ts), and what each may still give (campaigns.ts).
    campaigns: sqlite.prepare(
      'select "id", "params_json", "updated_at" from "campaigns" where ("campaigns"."active" = ? and ' +
        '"campaigns"."starts_at" <= ? and "campaigns"."ends_at" > ?)',
    ),
    allowance: sqlite.prepare(
      'select "campaign_id", "granted_points", "spent_points" from "campaign_allowances" ' +
        'where "campaign_allowances"."campaign_id" = ?',
    ),
    memberGot: sqlite.prepare(
      'select coalesce(sum("delta"), 0) from "points_ledger" ' +
        'where ("points_ledger"."campaign_id" = ? and "points_ledger"."member_id" = ?)',
    ),
    campaignSpend: sqlite.prepare(
      'insert into "campaign_allowances" ("campaign_id", "granted_points", "spent_points") values (?, ?, ?) ' +
        'on conflict ("campaign_allowances"."campaign_id") do update set "spent_points" = ' +
        '"campaign_allowances"."spent_points" + excluded.spent_points',
    ),
    card: sqlite.prepare(
      'select "number", "member_id", "status", "issued_at", "status_changed_at" from "cards" ' +
        'where "cards"."member_id" = ? order by "cards"."status" = \'active\' desc, "cards"."issued_at" desc, ' +
        'rowid desc limit ?',
    ),
    sale: sqlite.prepare(
      'insert into "sales" ("id", "member_id", "card_number", "subtotal_minor", "discount_minor", ' +
        '"total_minor", "points_earned", "points_spent", "rule_version", "earn_summary", "explanation_json", ' +
        '"currency", "business_day", "terminal_id", "created_at") ' +
        'values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    line: sqlite.prepare(
      'insert into "sale_lines" ("sale_id", "line_no", "sku", "name", "category", "quantity", ' +
        '"unit_price_minor", "line_total_minor", "points") values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    ledger: sqlite.prepare(
      'insert into "points_ledger" ("id", "member_id", "kind", "delta", "balance_after", "sale_id", ' +
        '"redemption_id", "rule_version", "campaign_id", "refund_id", "reverses_id", "summary", "terminal_id", ' +
        '"created_at", "expires_at", "lot_id") values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, null)',
    ),
    memberUpdate: sqlite.prepare(
      'update "members" set "tier_code" = ?, "points_balance" = ?, "points_earned_total" = ?, "visits" = ' +
        '"members"."visits" + 1, "last_visit_at" = ?, ' +
        '"next_expiry_at" = min(coalesce("members"."next_expiry_at", ?), coalesce(?, "members"."next_expiry_at")), ' +
        '"updated_at" = ? ' +
        'where ("members"."id" = ? and "members"."points_balance" = ?)',
    ),
    outbox: sqlite.prepare(
      'insert into "outbox" ("seq", "record_id", "record_type", "payload_json", "created_at", "acked_at") ' +
        'values ((SELECT coalesce(max("outbox"."seq"), 0) + 1 FROM "outbox"), ?, ?, ?, ?, null) returning "seq"',
    ),
    requestInsert: sqlite.prepare(
      'insert into "requests" ("request_id", "channel", "input_json", "result_json", "created_at") ' +
        'values (?, ?, ?, ?, ?)',
    ),
  };

  interface MemberRowRaw {
    points_balance: number;
    points_earned_total: number;
    tier_code: string | null;
  }
  interface RunningCampaignRow {
    id: string;
    params_json: string;
    updated_at: number;
  }
  // Whether a running campaign has a per-member limit, by campaign version: the service parses a
  // stored campaign once per version too (campaignStore.ts), so neither pays a parse per sale.
  const memberLimited = new Map<string, boolean>();
  const hasMemberLimit = (c: RunningCampaignRow): boolean => {
    const key = `${c.id}@${c.updated_at}`;
    let limited = memberLimited.get(key);
    if (limited === undefined) {
      const params = JSON.parse(c.params_json) as { perMemberLimit?: number | null };
      limited = params.perMemberLimit !== null && params.perMemberLimit !== undefined;
      memberLimited.set(key, limited);
    }
    return limited;
  };

  /** One member sale, values from `receipt` (the service's answer to the same input) and fresh ids. */
  const write = sqlite.transaction((p: RawSale) => {
    const r = p.receipt;
    // The staff gate before the call (issue 14): is the till configured, the idle-lock minutes, the account.
    st.terminal.get(1);
    st.terminal.get(1);
    st.staff.get(p.staffId);
    st.request.get(p.requestId);
    st.terminal.get(1);
    st.ruleVersion.get(p.now, 1);
    st.categories.get('categories');
    const member = st.member.get(r.memberId) as MemberRowRaw | undefined;
    if (!member) throw new Error(`raw sale: member ${r.memberId} is gone`);
    st.syncLink.get(1); // spendableNow: is this terminal linked to head office?
    st.tiers.all();
    st.tierOverride.get(r.memberId, 1); // the tier before the sale
    // What each running campaign may still give this member (campaigns.ts roomFor): the bonuses
    // themselves are the service's (the receipt's), as every other figure of the raw sale.
    const running = st.campaigns.all(1, p.now, p.now) as RunningCampaignRow[];
    if (running.length > 0) {
      st.syncLink.get(1); // an enrolled till gives from head office's grant
      for (const c of running) {
        st.allowance.get(c.id);
        if (hasMemberLimit(c)) st.memberGot.get(c.id, r.memberId);
      }
    }
    st.tierOverride.get(r.memberId, 1); // the tier with the sale
    st.card.get(r.memberId, 1);
    st.sale.run(
      p.saleId,
      r.memberId,
      r.cardNumber,
      r.subtotalMinor,
      r.discountMinor,
      r.totalMinor,
      r.pointsEarned,
      r.pointsSpent,
      r.ruleVersion,
      r.summary,
      p.explanationJson,
      r.currency,
      p.businessDay,
      p.terminalId,
      p.now,
    );
    for (const l of r.lines)
      st.line.run(
        p.saleId,
        l.lineNo,
        l.sku,
        l.name,
        l.category,
        l.quantity,
        l.unitPriceMinor,
        l.lineTotalMinor,
        l.points,
      );
    let balance = member.points_balance;
    if (r.pointsSpent > 0) {
      balance -= r.pointsSpent;
      st.ledger.run(
        p.ledgerIds.spend,
        r.memberId,
        'spend',
        -r.pointsSpent,
        balance,
        p.saleId,
        null,
        r.ruleVersion,
        null,
        p.spendSummary,
        p.terminalId,
        p.now,
        null,
      );
    }
    // The programme's own points: the sale's earned points less every campaign's bonus.
    const basePoints = r.pointsEarned - p.bonuses.reduce((sum, b) => sum + b.points, 0);
    if (basePoints > 0) {
      balance += basePoints;
      st.ledger.run(
        p.ledgerIds.earn,
        r.memberId,
        'earn',
        basePoints,
        balance,
        p.saleId,
        null,
        r.ruleVersion,
        null,
        r.summary,
        p.terminalId,
        p.now,
        p.lotExpiresAt,
      );
    }
    // Each campaign's bonus: its own lot naming the campaign, and the till's spend of its budget.
    for (const b of p.bonuses) {
      balance += b.points;
      st.ledger.run(
        b.ledgerId,
        r.memberId,
        'earn',
        b.points,
        balance,
        p.saleId,
        null,
        r.ruleVersion,
        b.campaignId,
        b.summary,
        p.terminalId,
        p.now,
        p.lotExpiresAt,
      );
      st.campaignSpend.run(b.campaignId, 0, b.points);
    }
    const lotExpiresAt = r.pointsEarned > 0 ? p.lotExpiresAt : null;
    const changed = st.memberUpdate.run(
      member.tier_code,
      balance,
      member.points_earned_total + r.pointsEarned,
      p.now,
      lotExpiresAt,
      lotExpiresAt,
      p.now,
      r.memberId,
      member.points_balance,
    );
    if (changed.changes !== 1) throw new Error('raw sale: member changed underneath');
    st.outbox.get(p.saleId, 'sale', p.payloadJson, p.now);
    st.requestInsert.run(p.requestId, 'recordSale', p.inputJson, p.resultJson, p.now);
  });
  return (sale: RawSale): void => {
    write.immediate(sale);
  };
}

/** Everything a raw sale writes that the service would compute inside its transaction. */
export interface RawSale {
  requestId: string;
  saleId: string;
  ledgerIds: { spend: string; earn: string };
  /** Each campaign bonus of the receipt, with its ledger row's id and summary as the service writes them. */
  bonuses: { ledgerId: string; campaignId: string; points: number; summary: string }[];
  /** When the lots this sale earns expire, by the programme's expiry policy now (null: never). */
  lotExpiresAt: number | null;
  receipt: SaleReceipt & { memberId: string };
  terminalId: string;
  /** Who makes the sale (signed in at the bench till). */
  staffId: string;
  now: number;
  businessDay: string;
  explanationJson: string;
  spendSummary: string;
  payloadJson: string;
  /** The request's input as the service keeps it (same length as the service's). */
  inputJson: string;
  resultJson: string;
}
