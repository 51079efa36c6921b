import { openTerminalCore, type TerminalCore } from '../../../electron/terminal/terminalCore';
import { fixedClock } from '../../../electron/platform/sources';
import { MAX_SALE_MINOR } from '../../../shared/domain/money';
import { DEFAULT_END_MS } from '../generate/generator';
import type { Dataset } from './dataset';
import { actAsManager } from '../../../electron/terminal/session.testkit';

export const BENCH_TIME_ZONE = 'Asia/Shanghai';

/**
 * The terminal core over a bench dataset, configured as the packaged app runs it: output
 * validation off (Electron turns it off when packaged), the shop's time zone, and a clock just
 * after the newest sale that the suites move one second per sale like a busy till.
 */
export function openBenchCore(dataset: Dataset): { core: TerminalCore; clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(DEFAULT_END_MS + 9 * 3_600_000);
  const core = openTerminalCore({ dataDir: dataset.dir, clock, timeZone: BENCH_TIME_ZONE, validateOutput: false });
  // Every run adds sales to the same database: carry on a minute after the newest one, so
  // time only moves forward in it.
  const newest =
    (core.db.$client.prepare('SELECT max(created_at) AS t FROM sales').get() as { t: number | null }).t ?? 0;
  clock.set(Math.max(clock.now(), newest + 60_000));
  // A few generated baskets pass the default large-sale limit; the bench times recording a sale,
  // not the cashier's second confirmation, so the shop here confirms up to the absurd-amount guard.
  // A dataset generated before staff existed has no manager: the bench acts as one all the same.
  actAsManager(core, 'bench');
  const limit = core.dispatch('setLargeSaleLimit', { limitMinor: MAX_SALE_MINOR });
  if (!limit.ok) throw new Error(`bench shop: ${JSON.stringify(limit.error)}`);
  return { core, clock };
}

export interface BenchMember {
  id: string;
  cardNumber: string;
  /** E.164, as stored. */
  phone: string;
}

/**
 * `count` members picked uniformly at random (with the bench's seeded stream), read straight
 * from the database before any timing starts: any terminal database will do, generated or not.
 */
export function pickMembers(core: TerminalCore, count: number, nextRandom: () => number): BenchMember[] {
  const sqlite = core.db.$client;
  const maxRowid = (sqlite.prepare('SELECT max(rowid) AS n FROM members').get() as { n: number | null }).n ?? 0;
  if (maxRowid === 0) throw new Error('the bench database has no members');
  const byRowid = sqlite.prepare(
    'SELECT m.id, c.number AS cardNumber, m.phone FROM members m JOIN cards c ON c.member_id = m.id ' +
      "AND c.status = 'active' WHERE m.rowid = ?",
  );
  const picked: BenchMember[] = [];
  for (let tries = 0; picked.length < count && tries < count * 10; tries += 1) {
    const row = byRowid.get(1 + Math.floor(nextRandom() * maxRowid)) as BenchMember | undefined;
    if (row) picked.push(row);
  }
  if (picked.length < count) throw new Error(`found only ${picked.length} members with an active card`);
  return picked;
}
