// What must hold in a terminal database after any crash, checked the way the till itself
// reopens it (openTerminalDb: WAL recovery, pragmas, migrations). Each check names the rows
// that break it, so a failing seed says what went wrong, not only that something did.
import type Database from 'better-sqlite3';
import { openTerminalDb } from '../../../../db/open';
import { keyBeside } from '../../../../electron/platform/databaseKey';
import { assertLedgerConsistent, assertOutboxGapFree } from '../../../../electron/services/services.testkit';
import type { Ack, AckKind } from './protocol';

export interface CrashCheck {
  /** Acknowledged records (printed by the child before the kill) missing from the database. */
  ackedLost: Ack[];
  /** Broken invariants, one message each; empty when the database is whole. */
  violations: string[];
  counts: { sales: number; redemptions: number; members: number; outbox: number };
}

const TABLE_OF: Record<AckKind, string> = { sale: 'sales', redemption: 'redemptions', member: 'members' };

/** Each query returns the offending rows; any row is a violation. */
const ROW_CHECKS: [string, string][] = [
  [
    'sale without lines',
    `SELECT s.id FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)`,
  ],
  [
    'sale lines do not add up to its subtotal',
    `SELECT s.id FROM sales s JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id ` +
      `HAVING sum(l.line_total_minor) != s.subtotal_minor`,
  ],
  [
    'sale total is not subtotal − discount',
    `SELECT id FROM sales WHERE total_minor != subtotal_minor - discount_minor OR total_minor < 0`,
  ],
  [
    'sale line count differs from its outbox record',
    `SELECT s.id FROM sales s JOIN outbox o ON o.record_type = 'sale' AND o.record_id = s.id
     WHERE json_array_length(o.payload_json, '$.lines') != (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id)`,
  ],
  // points_ledger has no index on sale_id or redemption_id: the "has its ledger row" checks are
  // written as NOT IN over one pass of the ledger (a correlated NOT EXISTS scanned the whole
  // ledger once per sale, and that was most of the time spent checking a kill).
  [
    'member sale that spent points has no spend row',
    `SELECT s.id FROM sales s WHERE s.member_id IS NOT NULL AND s.points_spent > 0
     AND s.id NOT IN (SELECT l.sale_id FROM points_ledger l JOIN sales x ON x.id = l.sale_id
                      WHERE l.kind = 'spend' AND l.delta = -x.points_spent)`,
  ],
  [
    'member sale that earned points has no earn row',
    `SELECT s.id FROM sales s WHERE s.member_id IS NOT NULL AND s.points_earned > 0
     AND s.id NOT IN (SELECT l.sale_id FROM points_ledger l JOIN sales x ON x.id = l.sale_id
                      WHERE l.kind = 'earn' AND l.delta = x.points_earned)`,
  ],
  [
    'sale ledger rows do not sum to earned − spent',
    `SELECT s.id FROM sales s LEFT JOIN points_ledger l ON l.sale_id = s.id GROUP BY s.id
     HAVING coalesce(sum(l.delta), 0)
            != CASE WHEN s.member_id IS NULL THEN 0 ELSE s.points_earned - s.points_spent END`,
  ],
  [
    'sale without exactly one outbox record',
    `SELECT s.id FROM sales s LEFT JOIN outbox o ON o.record_type = 'sale' AND o.record_id = s.id
     GROUP BY s.id HAVING count(o.seq) != 1`,
  ],
  [
    'redemption without exactly one outbox record',
    `SELECT r.id FROM redemptions r LEFT JOIN outbox o ON o.record_type = 'redemption' AND o.record_id = r.id
     GROUP BY r.id HAVING count(o.seq) != 1`,
  ],
  [
    'redemption without its ledger row',
    `SELECT r.id FROM redemptions r WHERE r.points > 0
     AND r.id NOT IN (SELECT l.redemption_id FROM points_ledger l JOIN redemptions x ON x.id = l.redemption_id
                      WHERE l.kind = 'redeem' AND l.delta = -x.points)`,
  ],
  [
    'member without exactly one outbox record',
    `SELECT m.id FROM members m LEFT JOIN outbox o ON o.record_type = 'member' AND o.record_id = m.id
     GROUP BY m.id HAVING count(o.seq) != 1`,
  ],
  [
    'member without an active card',
    `SELECT m.id FROM members m WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.member_id = m.id ` +
      `AND c.status = 'active')`,
  ],
  [
    'outbox record whose business row is missing',
    `SELECT o.seq FROM outbox o WHERE
     (o.record_type = 'sale' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = o.record_id)) OR
     (o.record_type = 'redemption' AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.id = o.record_id)) OR
     (o.record_type = 'member' AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = o.record_id)) OR
     (o.record_type = 'audit' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = o.record_id))`,
  ],
  [
    'audit row without exactly one outbox record',
    `SELECT a.seq FROM audit_log a LEFT JOIN outbox o ON o.record_type = 'audit' AND o.record_id = a.id
     GROUP BY a.seq HAVING count(o.seq) != 1`,
  ],
  [
    'idempotency row whose sale is missing',
    `SELECT request_id FROM requests WHERE channel = 'recordSale'
     AND json_extract(result_json, '$.saleId') NOT IN (SELECT id FROM sales)`,
  ],
  ['negative reward stock', `SELECT id FROM rewards WHERE stock < 0`],
];

function rowViolations(c: Database.Database): string[] {
  const out: string[] = [];
  for (const [name, sql] of ROW_CHECKS) {
    const rows = c.prepare(sql).raw().all();
    if (rows.length > 0)
      out.push(`${name}: ${JSON.stringify(rows.slice(0, 5))}${rows.length > 5 ? ` (+${rows.length - 5})` : ''}`);
  }
  return out;
}

function missingAcks(c: Database.Database, acks: readonly Ack[]): Ack[] {
  const lookups = Object.fromEntries(
    Object.entries(TABLE_OF).map(([kind, table]) => [kind, c.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()]),
  );
  return acks.filter((ack) => lookups[ack.kind]?.get(ack.id) === undefined);
}

const count = (c: Database.Database, table: string): number =>
  c.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Reopens the database after a kill and checks everything; never throws for a broken database. */
export function checkAfterCrash(dbFile: string, acks: readonly Ack[], migrationsDir: string): CrashCheck {
  const violations: string[] = [];
  let db;
  try {
    db = openTerminalDb(dbFile, keyBeside(dbFile), { migrationsDir });
  } catch (error) {
    return {
      ackedLost: [...acks],
      violations: [`the database does not open: ${String(error)}`],
      counts: { sales: 0, redemptions: 0, members: 0, outbox: 0 },
    };
  }
  try {
    const c = db.$client;
    const integrity = c.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok')
      violations.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 5))}`);
    const foreignKeys = c.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) violations.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);
    violations.push(...rowViolations(c));
    for (const assert of [assertLedgerConsistent, assertOutboxGapFree]) {
      try {
        assert(db);
      } catch (error) {
        violations.push(error instanceof Error ? error.message : String(error));
      }
    }
    return {
      ackedLost: missingAcks(c, acks),
      violations,
      counts: {
        sales: count(c, 'sales'),
        redemptions: count(c, 'redemptions'),
        members: count(c, 'members'),
        outbox: count(c, 'outbox'),
      },
    };
  } finally {
    db.$client.close();
  }
}
