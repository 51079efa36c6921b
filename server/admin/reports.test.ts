import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { randomIds } from '../sources';
import type { HoDatabase } from '../store/connect';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, saleRecord, uuidFrom } from '../testing/records';
import { dayCloseList } from './reports';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = '2025-03-01';
const QUIET_DAY = '2025-03-02';
const A = uuidFrom(1, 0xa);

// The head-office page writes each day's amount in that day's currency: the day-close list names it.
describe.each(testBackends)('day closes on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  let token = '';

  beforeEach(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds);
    token = (await ho.enrol('shopA', '90001', A)).token;
  });
  afterEach(async () => {
    await ho.close();
  });

  it("names the currency of the day's sales, and none for a day without sales", async () => {
    const member = uuidFrom(100);
    const ledgerIds: [string, string] = [uuidFrom(2000), uuidFrom(3000)];
    const sale = { saleId: uuidFrom(1000), memberId: member, totalMinor: 4250, earned: 42, spent: 0, ledgerIds };
    const records = [memberRecord(1, member, 1, T0), saleRecord(2, { ...sale, day: DAY, at: T0 })];
    const push = { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', records };
    expect((await ho.call('POST', '/sync/v1/push', push, token)).body).toMatchObject({ status: 'ok' });
    await ho.waitDerived();
    const close = (businessDay: string, totals: Record<string, number | null>) => {
      const body = { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', businessDay, totals };
      return ho.call('POST', '/sync/v1/close-day', body, token);
    };
    const none = { saleCount: 0, salesTotalMinor: 0, pointsEarned: 0, pointsSpent: 0, redemptionCount: 0 };
    const quiet = { ...none, firstSeq: null, lastSeq: null };
    const day = { ...none, saleCount: 1, salesTotalMinor: 4250, pointsEarned: 42, firstSeq: 2, lastSeq: 2 };
    expect((await close(DAY, day)).body).toMatchObject({ status: 'matches' });
    expect((await close(QUIET_DAY, quiet)).body).toMatchObject({ status: 'matches' });
    const rows = await dayCloseList(database.db, null);
    expect(rows.map((r) => [r.businessDay, r.currency])).toEqual([
      [QUIET_DAY, null],
      [DAY, 'CNY'],
    ]);
    expect(await dayCloseList(database.db, uuidFrom(2, 0xa))).toEqual([]);
  });
});
