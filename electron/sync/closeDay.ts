import type { TerminalDb } from '../../db/open';
import { PROTOCOL_VERSION, type CloseDayResponse, type DayTotals } from '../../shared/sync/protocol';
import type { HoClient, HoResult } from './hoClient';
import type { LinkIds } from './push';

/**
 * The day's totals as this terminal sent them: computed from the outbox (what head office
 * receives), so a quarantined or missing record shows up as a difference at the close.
 */
export function terminalDayTotals(db: TerminalDb, businessDay: string): DayTotals {
  const s = db.$client
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(json_extract(payload_json, '$.totalMinor')), 0) AS total,
              coalesce(sum(json_extract(payload_json, '$.pointsEarned')), 0) AS earned,
              coalesce(sum(json_extract(payload_json, '$.pointsSpent')), 0) AS spent, min(seq) AS lo, max(seq) AS hi
       FROM outbox WHERE record_type = 'sale' AND json_extract(payload_json, '$.businessDay') = ?`,
    )
    .get(businessDay) as {
    n: number;
    total: number;
    earned: number;
    spent: number;
    lo: number | null;
    hi: number | null;
  };
  const r = db.$client
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(json_extract(payload_json, '$.points')), 0) AS points,
              min(seq) AS lo, max(seq) AS hi
       FROM outbox WHERE record_type = 'redemption' AND json_extract(payload_json, '$.businessDay') = ?`,
    )
    .get(businessDay) as { n: number; points: number; lo: number | null; hi: number | null };
  const seqs = [s.lo, s.hi, r.lo, r.hi].filter((x): x is number => x !== null);
  return {
    saleCount: s.n,
    salesTotalMinor: s.total,
    pointsEarned: s.earned,
    pointsSpent: s.spent + r.points,
    redemptionCount: r.n,
    firstSeq: seqs.length > 0 ? Math.min(...seqs) : null,
    lastSeq: seqs.length > 0 ? Math.max(...seqs) : null,
  };
}

/** Business days that have sale or redemption records after `afterDay` (exclusive), oldest first. */
export function daysWithRecords(db: TerminalDb, afterDay: string | null, throughDay: string): string[] {
  const rows = db.$client
    .prepare(
      `SELECT DISTINCT json_extract(payload_json, '$.businessDay') AS day FROM outbox
       WHERE record_type IN ('sale', 'redemption') AND day > ? AND day <= ? ORDER BY day LIMIT 366`,
    )
    .all(afterDay ?? '', throughDay) as { day: string }[];
  return rows.map((row) => row.day);
}

export function sendDayClose(
  client: HoClient,
  link: LinkIds,
  businessDay: string,
  totals: DayTotals,
): Promise<HoResult<CloseDayResponse>> {
  const { terminalId, shopId } = link;
  return client.call('closeDay', { protocolVersion: PROTOCOL_VERSION, terminalId, shopId, businessDay, totals });
}
