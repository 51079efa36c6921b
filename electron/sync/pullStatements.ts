import type { TerminalDb } from '../../db/open';
import { tiers } from '../../db/schema';
import type { TierDef } from '../../shared/domain/tier';
import { perDb } from '../platform/transactions';

/** The members row in INSERT_MEMBER's column order (one statement shape for both inserts below). */
export type MemberInsert = [
  string,
  string,
  string,
  string | null,
  string,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  number,
  number,
  string | null,
  number,
  number,
];
const INSERT_MEMBER = `INSERT INTO members (id, name, name_key, phone, phone_tail, phone_hash, phone_masked, erased_at,
                      birthday, tier_code, points_balance, points_earned_total, home_shop_id, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The statements a pull runs per member and per ledger row, compiled once per connection:
 * applying 100,000 pulled members must cost a bind and a step each, not a query build.
 */
export const pullStatements = perDb((db: TerminalDb) => {
  const c = db.$client;
  return {
    /** Another member holding this number: by the number itself or by its keyed hash. */
    phoneHolder: c.prepare<[string | null, string | null, string], { id: string }>(
      'SELECT id FROM members WHERE (phone = ? OR phone_hash = ?) AND id <> ?',
    ),
    member: c.prepare<
      [string],
      { id: string; points_balance: number; points_earned_total: number; tier_code: string | null; updated_at: number }
    >('SELECT id, points_balance, points_earned_total, tier_code, updated_at FROM members WHERE id = ?'),
    insertMember: c.prepare<MemberInsert>(INSERT_MEMBER),
    /** As insertMember, but a taken id or phone inserts nothing (changes = 0) instead of failing. */
    insertMemberIfFree: c.prepare<MemberInsert>(`${INSERT_MEMBER} ON CONFLICT DO NOTHING`),
    updateMemberFacts: c.prepare<
      [string, string, string | null, string, string | null, string | null, string | null, number, string]
    >(
      'UPDATE members SET name = ?, name_key = ?, phone = ?, phone_tail = ?, phone_hash = ?, phone_masked = ?, ' +
        'birthday = ?, updated_at = ? WHERE id = ?',
    ),
    /** The member's spend-notice choice, from a head office that sends it (absent: kept as it is). */
    setSpendNotices: c.prepare<[number, string]>('UPDATE members SET spend_notices = ? WHERE id = ?'),
    updateBalance: c.prepare<[number, number, string | null, string]>(
      'UPDATE members SET points_balance = ?, points_earned_total = ?, tier_code = ? WHERE id = ?',
    ),
    cardHolder: c.prepare<[string], { member_id: string }>('SELECT member_id FROM cards WHERE number = ?'),
    insertCard: c.prepare<[string, string, number, number]>(
      'INSERT INTO cards (number, member_id, status, issued_at, status_changed_at) ' +
        "VALUES (?, ?, 'active', ?, ?) ON CONFLICT DO NOTHING",
    ),
    syncFacts: c.prepare<[string, number | null, number]>(
      `INSERT INTO member_sync_facts (member_id, offline_cap_points, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (member_id) DO UPDATE SET offline_cap_points = excluded.offline_cap_points,
                                             updated_at = excluded.updated_at`,
    ),
    ledgerExists: c.prepare<[string], { id: string }>('SELECT id FROM points_ledger WHERE id = ?'),
    insertLedger: c.prepare<
      [string, string, string, number, number, number | null, string | null, string, string, number]
    >(
      `INSERT INTO points_ledger (id, member_id, kind, delta, balance_after, sale_id, redemption_id, rule_version,
                                  campaign_id, summary, terminal_id, created_at)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    /** A pulled row keeps its lot facts (expiry.ts): when a lot expires, which lot an expiry row takes from. */
    setLotFacts: c.prepare<[number | null, string | null, string]>(
      'UPDATE points_ledger SET expires_at = ?, lot_id = ? WHERE id = ?',
    ),
    /** A pulled reversal names the row it reverses, as a reversal written here does. */
    setReverses: c.prepare<[string, string]>('UPDATE points_ledger SET reverses_id = ? WHERE id = ?'),
    /** The member's next expiry is a lower bound: a new lot can only bring it forward. */
    lowerNextExpiry: c.prepare<[number, number, string]>(
      'UPDATE members SET next_expiry_at = min(coalesce(next_expiry_at, ?), ?) WHERE id = ?',
    ),
  };
});

/** The tier ladder, read once per pulled page (a tiers change in the page resets it). */
export function ladderCache(db: TerminalDb): { get(): TierDef[]; reset(): void } {
  let ladder: TierDef[] | null = null;
  return {
    get: () => (ladder ??= db.select().from(tiers).all()),
    reset: () => {
      ladder = null;
    },
  };
}

type PullStatements = ReturnType<typeof pullStatements>;

/** Head office's copy of the member's spend-notice choice, when it sends one. */
export function setSpendNotices(st: PullStatements, m: { id: string; spendNotices?: boolean | undefined }): void {
  if (m.spendNotices !== undefined) st.setSpendNotices.run(m.spendNotices ? 1 : 0, m.id);
}
