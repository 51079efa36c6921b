// The offline caps read (issue 16's Programme area): the default head office set (null before any) and
// the members with a cap of their own, newest change first; a cleared cap leaves the list. On PGlite and
// the real PostgreSQL server, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { cardNumberFrom, memberRecord, uuidFrom } from '../testing/records';

const T0 = Date.UTC(2025, 2, 1, 2);
const TERMINAL = uuidFrom(1);
const FIRST = uuidFrom(101);
const SECOND = uuidFrom(102);

describe.each(testBackends)('the offline caps read, on $name', (backend) => {
  let ho: Harness;
  let now = T0;

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), { now: () => now });
    const { token } = await ho.enrol('shopA', '90001', TERMINAL);
    const records = [memberRecord(1, FIRST, 1, T0), memberRecord(2, SECOND, 2, T0)];
    const pushed = await ho.call(
      'POST',
      '/sync/v1/push',
      { protocolVersion: PROTOCOL_VERSION, terminalId: TERMINAL, shopId: 'shopA', records },
      token,
    );
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    await ho.waitDerived();
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  it('answers no default and no member before any is set', async () => {
    expect(await ho.admin.call('offlineCaps')).toEqual({ defaultOfflineCapPoints: null, members: [] });
  });

  it('answers the default and each member cap, newest change first; a cleared cap leaves the list', async () => {
    await ho.admin.call('setDefaultOfflineCap', { body: { defaultOfflineCapPoints: 2_000 } });
    now = T0 + 1_000;
    await ho.admin.call('setMemberOfflineCap', { params: { id: FIRST }, body: { offlineCapPoints: 300 } });
    now = T0 + 2_000;
    await ho.admin.call('setMemberOfflineCap', { params: { id: SECOND }, body: { offlineCapPoints: 0 } });
    expect(await ho.admin.call('offlineCaps')).toEqual({
      defaultOfflineCapPoints: 2_000,
      members: [
        { memberId: SECOND, cardNumber: cardNumberFrom(2), offlineCapPoints: 0, updatedAt: T0 + 2_000 },
        { memberId: FIRST, cardNumber: cardNumberFrom(1), offlineCapPoints: 300, updatedAt: T0 + 1_000 },
      ],
    });
    now = T0 + 3_000;
    await ho.admin.call('setMemberOfflineCap', { params: { id: SECOND }, body: { offlineCapPoints: null } });
    const after = await ho.admin.call('offlineCaps');
    expect(after.members.map((m) => m.memberId)).toEqual([FIRST]);
  });
});
