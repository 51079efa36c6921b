import type { TerminalDb } from '../../db/open';
import { PROTOCOL_VERSION, type CloseDayResponse, type DayTotals } from '../../shared/sync/protocol';
import type { HoClient, HoResult } from './hoClient';
import { dayFigures } from '../services/dayFigures';
import type { LinkIds } from './push';

/**
 * The day's totals as this terminal sends them: the figures of the manager's end-of-day report
 * (dayFigures, one computation), and the range of outbox sequence numbers that carried them.
 */
export function terminalDayTotals(db: TerminalDb, businessDay: string): DayTotals {
  const figures = dayFigures(db, businessDay);
  const seqs = db.$client
    .prepare(
      `SELECT min(seq) AS lo, max(seq) AS hi FROM outbox
       WHERE record_type IN ('sale', 'redemption') AND json_extract(payload_json, '$.businessDay') = ?`,
    )
    .get(businessDay) as { lo: number | null; hi: number | null };
  return {
    saleCount: figures.sales.count,
    salesTotalMinor: figures.sales.amountMinor,
    pointsEarned: figures.points.earned,
    pointsSpent: figures.points.spent,
    redemptionCount: figures.redemptions.count,
    firstSeq: seqs.lo,
    lastSeq: seqs.hi,
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
