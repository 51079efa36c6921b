import type Database from 'better-sqlite3';

/**
 * The raw inserts of the generator, positional for speed. Columns are listed explicitly: a
 * schema change that adds a NOT NULL column without a default makes the generator fail loudly
 * instead of writing rows the services would not.
 */
export function prepareInserts(sqlite: Database.Database) {
  const q = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
  return {
    member: sqlite.prepare(
      `INSERT INTO members (id, name, name_key, phone, phone_tail, birthday, tier_code, points_balance, ` +
        `points_earned_total, visits, last_visit_at, home_shop_id, created_at, updated_at, next_expiry_at) ` +
        `VALUES (${q(15)})`,
    ),
    card: sqlite.prepare(
      `INSERT INTO cards (number, member_id, status, issued_at, status_changed_at) VALUES (${q(5)})`,
    ),
    sale: sqlite.prepare(
      `INSERT INTO sales (id, member_id, card_number, subtotal_minor, discount_minor, total_minor, ` +
        `points_earned, points_spent, rule_version, earn_summary, explanation_json, currency, business_day, ` +
        `terminal_id, created_at) VALUES (${q(15)})`,
    ),
    line: sqlite.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, sku, name, category, quantity, unit_price_minor, ` +
        `line_total_minor, points) VALUES (${q(9)})`,
    ),
    ledger: sqlite.prepare(
      `INSERT INTO points_ledger (id, member_id, kind, delta, balance_after, sale_id, redemption_id, ` +
        `rule_version, campaign_id, summary, terminal_id, created_at, expires_at) VALUES (${q(13)})`,
    ),
    outbox: sqlite.prepare(
      `INSERT INTO outbox (seq, record_id, record_type, payload_json, created_at, acked_at) VALUES (${q(6)})`,
    ),
  };
}

export type Inserts = ReturnType<typeof prepareInserts>;
