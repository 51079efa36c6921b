import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberAndSaleRecords, uuidFrom } from '../testing/records';
import { dailyShop, memberActivity } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { startDerivationLoop } from '../sync/derivationLoop';
import { rebuildSummaries } from './rebuildSummaries';
import { rebuildSummariesIfMissing } from './summariesAtStart';

// A database from before the summaries: sales derived, ho_daily_shop empty. The derivation loop
// rebuilds the summaries first, then derives what was stored meanwhile on top of them.

const T0 = Date.UTC(2025, 2, 1, 2);
const TERMINAL = uuidFrom(1, 0xa);

describe.each(testBackends)('summaries rebuilt at start on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  let token: string;
  const clock = fixedClockForTests(T0);

  beforeAll(async () => {
    database = await backend.open();
    // No loop of its own: this test starts one when it wants.
    ho = await startHarness(database, clock, randomIds, { derive: false, notices: false });
    token = (await ho.enrol('shopA', '90001', TERMINAL)).token;
  });
  afterAll(async () => {
    await ho.close();
  });

  const push = async (records: PushRecord[]) => {
    const res = await ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: TERMINAL, shopId: 'shopA', records },
      token,
    );
    expect(res.status).toBe(200);
  };
  const summaries = async () => ({
    days: (await database.db.select().from(dailyShop)).sort((x, y) => x.day.localeCompare(y.day)),
    members: (await database.db.select().from(memberActivity)).sort((x, y) => x.memberId.localeCompare(y.memberId)),
  });

  it('rebuilds them once before deriving, and what is derived after adds on top', async () => {
    // Nothing stored: nothing to rebuild.
    expect(await rebuildSummariesIfMissing(database.db)).toBe(false);
    const records = memberAndSaleRecords(1, 10);
    await push(records.slice(0, 6));
    await ho.waitDerived();
    const derived = await summaries();
    expect(derived.days.reduce((n, d) => n + d.salesCount, 0)).toBeGreaterThan(0);
    // As before the summaries existed: the rows are there, their summaries are not.
    await database.db.delete(dailyShop);
    await database.db.delete(memberActivity);
    await push(records.slice(6));
    const logged: string[] = [];
    const loop = startDerivationLoop(database.db, clock, { log: (m) => logged.push(m) });
    // stop() waits for the sweep in flight: the check (and the rebuild) runs first in it.
    await loop.stop();
    expect(logged).toEqual(['head office: statistics summaries rebuilt from the stored rows']);
    expect(await summaries()).toEqual(derived);
    expect(derived.days.reduce((n, d) => n + d.salesCount, 0)).toBe(3);
    // The records stored meanwhile are derived on top of the rebuilt summaries: equal to a full rebuild.
    await ho.waitDerived();
    const kept = await summaries();
    expect(kept.days.reduce((n, d) => n + d.salesCount, 0)).toBe(records.filter((r) => r.type === 'sale').length);
    await database.db.transaction(async (tx) => rebuildSummaries(tx));
    expect(await summaries()).toEqual(kept);
    // Rows there now: a second start leaves them alone.
    expect(await rebuildSummariesIfMissing(database.db)).toBe(false);
  });
});
