import type Database from 'better-sqlite3';
import type { SaleReceipt } from '../../../shared/contract';

/**
 * The statements recordSale issues for a member sale (read from a trace of the service; the
 * suite checks the two traces match kind for kind), issued raw through better-sqlite3 prepared
 * statements with values made beforehand. What is left is SQLite's own cost: the reads, the
 * writes, the index updates and the synchronous=FULL commit. The service's time over this is
 * its overhead (contract validation, the rules engine, receipts and JSON, the request text, the
 * outbox record's check).
 */
export function prepareRawSale(sqlite: Database.Database) {
  const st = {
    request: sqlite.prepare(
      'select "request_id", "channel", "input_json", "result_json", "created_at" from "requests" ' +
        'where "requests"."request_id" = ?',
    ),
    terminal: sqlite.prepare(
      'select "id", "terminal_id", "shop_id", "shop_name", "terminal_name", "terminal_code", "locale", ' +
        '"currency", "card_key_hex", "next_card_serial", "demo", "configured_at", "created_at" from "terminal" ' +
        'where "terminal"."id" = ?',
    ),
    ruleVersion: sqlite.prepare(
      'select "version" from "rule_versions" where "rule_versions"."effective_from" <= ? ' +
        'order by "rule_versions"."version" desc limit ?',
    ),
    member: sqlite.prepare(
      'select "id", "name", "name_key", "phone", "phone_tail", "birthday", "tier_code", "points_balance", ' +
        '"points_earned_total", "visits", "last_visit_at", "home_shop_id", "created_at", "updated_at" ' +
        'from "members" where "members"."id" = ?',
    ),
    syncLink: sqlite.prepare('select "id" from "sync_link" limit ?'),
    // The guard re-reads the signed-in account (deactivated or changed since sign-in?).
    staff: sqlite.prepare('select "role", "active" from "staff" where "staff"."id" = ?'),
    // The shop's category list (a sale line's category is checked against it).
    categories: sqlite.prepare('select "value" from "sync_state" where "sync_state"."key" = ?'),
    tiers: sqlite.prepare('select "code", "name", "rank", "qualify_points" from "tiers" order by "tiers"."rank" asc'),
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
        '"redemption_id", "rule_version", "campaign_id", "summary", "terminal_id", "created_at") ' +
        'values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    memberUpdate: sqlite.prepare(
      'update "members" set "tier_code" = ?, "points_balance" = ?, "points_earned_total" = ?, "visits" = ' +
        '"members"."visits" + 1, "last_visit_at" = ?, "updated_at" = ? ' +
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

  /** One member sale, values from `receipt` (the service's answer to the same input) and fresh ids. */
  const write = sqlite.transaction((p: RawSale) => {
    const r = p.receipt;
    // The staff gate before the call (issue 14): is the till configured, the idle-lock minutes, the account.
    st.terminal.get(1);
    st.terminal.get(1);
    st.staff.get(p.staffId);
    st.request.get(p.requestId);
    st.terminal.get(1);
    st.categories.get('categories');
    st.ruleVersion.get(p.now, 1);
    const member = st.member.get(r.memberId) as MemberRowRaw | undefined;
    if (!member) throw new Error(`raw sale: member ${r.memberId} is gone`);
    st.syncLink.get(1); // spendableNow: is this terminal linked to head office?
    st.tiers.all();
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
        p.ledgerIds[0],
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
      );
    }
    if (r.pointsEarned > 0) {
      balance += r.pointsEarned;
      st.ledger.run(
        p.ledgerIds[1],
        r.memberId,
        'earn',
        r.pointsEarned,
        balance,
        p.saleId,
        null,
        r.ruleVersion,
        null,
        r.summary,
        p.terminalId,
        p.now,
      );
    }
    const changed = st.memberUpdate.run(
      member.tier_code,
      balance,
      member.points_earned_total + r.pointsEarned,
      p.now,
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
  ledgerIds: [string, string];
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
