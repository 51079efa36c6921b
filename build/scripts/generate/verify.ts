import { openKeyedSqlite } from '../../../db/open';
import { keyBeside } from '../../../electron/platform/databaseKey';
import { earnedRowsSql } from '../../../shared/domain/pointsEarned';

/** What must hold in any terminal database, generated or not. Each entry is a problem found. */
export interface VerifyReport {
  problems: string[];
  counts: { members: number; sales: number; ledger: number; outbox: number };
}

/**
 * Checks a terminal database file: SQLite's own integrity and foreign keys, cached member
 * totals against the ledger and sales, and the outbox sequence (1..n, no gap). Opened read-only.
 * `thorough` adds integrity_check, which reads every page (minutes on a multi-GB file).
 */
export function verifyTerminalDb(file: string, thorough = true): VerifyReport {
  const sqlite = openKeyedSqlite(file, keyBeside(file), { readonly: true });
  const problems: string[] = [];
  const one = <T>(sql: string): T => sqlite.prepare(sql).get() as T;
  try {
    if (thorough) {
      const integrity = (sqlite.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
      if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
      const fk = sqlite.prepare('PRAGMA foreign_key_check').all();
      if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows, first ${JSON.stringify(fk[0])}`);
    }
    const journal = sqlite.pragma('journal_mode', { simple: true });
    if (journal !== 'wal') problems.push(`journal_mode is ${String(journal)}, not wal`);

    const balance = one<{ n: number }>(`
      SELECT count(*) AS n FROM members m
      LEFT JOIN (SELECT member_id, sum(delta) AS total,
                        sum(CASE WHEN ${earnedRowsSql()} THEN delta ELSE 0 END) AS earned
                 FROM points_ledger GROUP BY member_id) l ON l.member_id = m.id
      WHERE m.points_balance != coalesce(l.total, 0) OR m.points_earned_total != coalesce(l.earned, 0)`);
    if (balance.n > 0)
      problems.push(`${balance.n} members whose cached balance or earned total differs from the ledger`);

    // The last visit is the member's most recently written sale (SQLite takes created_at from
    // the max(rowid) row), not the latest timestamp: a clock set back must not flag a good file.
    const visits = one<{ n: number }>(`
      SELECT count(*) AS n FROM members m
      LEFT JOIN (SELECT member_id, count(*) AS visits, max(rowid) AS newest, created_at AS last
                 FROM sales WHERE member_id IS NOT NULL GROUP BY member_id) s
        ON s.member_id = m.id
      WHERE m.visits != coalesce(s.visits, 0) OR coalesce(m.last_visit_at, -1) != coalesce(s.last, -1)`);
    if (visits.n > 0) problems.push(`${visits.n} members whose visits or last visit differ from their sales`);

    const after = one<{ n: number }>(`
      SELECT count(*) AS n FROM (
        SELECT balance_after, sum(delta) OVER (PARTITION BY member_id ORDER BY rowid) AS running FROM points_ledger
      ) WHERE balance_after IS NOT NULL AND balance_after != running`);
    // "As this terminal saw it": in the order the rows were written (rowid), not by timestamp.
    if (after.n > 0) problems.push(`${after.n} ledger rows whose balance_after is not the running sum`);

    const seq = one<{ n: number; lo: number | null; hi: number | null }>(
      'SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM outbox',
    );
    if (seq.n > 0 && (seq.lo !== 1 || seq.hi !== seq.n))
      problems.push(`outbox seq is not 1..${seq.n} without gaps (min ${seq.lo}, max ${seq.hi})`);

    const counts = {
      members: one<{ n: number }>('SELECT count(*) AS n FROM members').n,
      sales: one<{ n: number }>('SELECT count(*) AS n FROM sales').n,
      ledger: one<{ n: number }>('SELECT count(*) AS n FROM points_ledger').n,
      outbox: seq.n,
    };
    return { problems, counts };
  } finally {
    sqlite.close();
  }
}
