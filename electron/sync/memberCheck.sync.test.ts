import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillApi } from '../../shared/contract';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { writeState } from '../platform/syncStateTable';
import { MEMBER_CHECK_LOCK_MS } from '../services/memberCheck';
import { errorOf, openTestCore, TEST_START_MS, unwrap, type TestCore } from '../services/services.testkit';

// The member check across tills: a PIN set at one till verifies at another, offline; a lock made by
// wrong tries at one till holds at every till after one sync; a card reported lost is refused
// at another till even offline once the report has synced.

interface Till {
  core: TestCore;
  api: TillApi;
}

describe.each(testBackends)('member PIN and lock through head office on $name', (backend) => {
  let ho: Harness;
  const tills: Till[] = [];

  async function enrolled(code: string, shopId: string): Promise<Till> {
    const hour = 3_600_000;
    const core = openTestCore({
      start: TEST_START_MS,
      idPrefix: Number(code),
      sync: { owner: `test-${code}`, intervalMs: hour, backoffBaseMs: hour, backoffMaxMs: hour, log: () => undefined },
    });
    const { api } = core;
    tills.push({ core, api });
    unwrap(await api.configureShop({ shopId, shopName: `Shop ${shopId}`, terminalName: 'Till 1', terminalCode: code }));
    const created = await ho.call('POST', '/admin/enrolment-codes', { shopId, terminalCode: code }, ho.adminToken);
    unwrap(await api.enrolHeadOffice({ url: ho.url, code: String(created.body.code) }));
    return { core, api };
  }

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), { now: () => Date.now() });
  });
  afterAll(async () => {
    for (const t of tills) {
      await t.core.sync.stop();
      t.core.dispose();
    }
    await ho.close();
  });

  const syncBoth = async (first: Till, second: Till) => {
    unwrap(await first.api.syncNow({}));
    await ho.waitDerived();
    unwrap(await second.api.syncNow({}));
  };

  it('a PIN set later at one till verifies at another; a lock there holds here after one sync', async () => {
    const a = await enrolled('93001', 'shopA');
    const b = await enrolled('93002', 'shopB');
    const m = unwrap(
      await a.api.registerMember({
        requestId: a.core.ctx.ids.uuid(),
        name: 'Sun Li',
        phone: '13800138071',
        birthday: '1988-08-08',
      }),
    );
    await syncBoth(a, b);
    // Set in a batch of its own, after the member reached head office.
    const check = unwrap(
      await a.api.verifyMember({ method: 'identity', memberId: m.id, phone: '13800138071', birthday: '1988-08-08' }),
    );
    unwrap(await a.api.setMemberPin({ memberId: m.id, pin: '5793', memberCheck: check.ticket }));
    await syncBoth(a, b);
    // B checks it offline, against the hash it pulled.
    writeState(b.core.db, 'online', 'false');
    expect(unwrap(await b.api.getMemberCheck({ memberId: m.id })).hasPin).toBe(true);
    unwrap(await b.api.verifyMember({ method: 'pin', memberId: m.id, pin: '5793' }));

    // Someone tries PINs at B until the check locks.
    for (let i = 0; i < 5; i += 1) await b.api.verifyMember({ method: 'pin', memberId: m.id, pin: `000${i}` });
    expect(unwrap(await b.api.getMemberCheck({ memberId: m.id })).lockedUntil).toBe(
      b.core.clock.now() + MEMBER_CHECK_LOCK_MS,
    );
    writeState(b.core.db, 'online', 'true');
    await syncBoth(b, a);
    // At A the right PIN is refused until the lock ends.
    expect(errorOf(await a.api.verifyMember({ method: 'pin', memberId: m.id, pin: '5793' })).code).toBe(
      'MEMBER_CHECK_LOCKED',
    );
    a.core.clock.advance(MEMBER_CHECK_LOCK_MS);
    unwrap(await a.api.verifyMember({ method: 'pin', memberId: m.id, pin: '5793' }));
    const quarantine = await ho.call('GET', '/admin/quarantine', undefined, ho.adminToken);
    expect(JSON.stringify(quarantine.body)).not.toContain(m.id);
  });

  it('a card reported lost at one till is refused at another, offline, once the report has synced', async () => {
    const a = await enrolled('93003', 'shopC');
    const b = await enrolled('93004', 'shopD');
    const m = unwrap(
      await a.api.registerMember({ requestId: a.core.ctx.ids.uuid(), name: 'Zhou', phone: '13800138072', pin: '2580' }),
    );
    await syncBoth(a, b);
    unwrap(await b.api.lookupCard({ cardNumber: m.cardNumber }));
    const check = unwrap(await a.api.verifyMember({ method: 'pin', memberId: m.id, pin: '2580' }));
    unwrap(await a.api.blockCard({ cardNumber: m.cardNumber, reason: 'lost', memberCheck: check.ticket }));
    await syncBoth(a, b);
    writeState(b.core.db, 'online', 'false');
    expect(errorOf(await b.api.lookupCard({ cardNumber: m.cardNumber }))).toMatchObject({
      code: 'CARD_BLOCKED',
      details: { status: 'lost' },
    });
  });
});
