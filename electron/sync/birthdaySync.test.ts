import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillApi } from '../../shared/contract';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { openTestCore, TEST_START_MS, unwrap, type TestCore } from '../services/services.testkit';

// A birthday without a year (--MM-DD) goes from one till through head office to another till
// unchanged: the contract, the terminal database, the sync records and head office take the same.

interface Till {
  core: TestCore;
  api: TillApi;
}

describe.each(testBackends)('birthdays through head office on $name', (backend) => {
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

  it('a month-day birthday registered and edited at one till reaches another till as --MM-DD', async () => {
    const a = await enrolled('92001', 'shopA');
    const b = await enrolled('92002', 'shopB');
    const register = async (name: string, phone: string, birthday: string) =>
      unwrap(await a.api.registerMember({ requestId: a.core.ctx.ids.uuid(), name, phone, birthday }));
    const leap = await register('Leap', '13800138091', '--02-29');
    const whole = await register('Whole', '13800138092', '1990-05-01');
    unwrap(await a.api.updateMember({ memberId: whole.id, birthday: '--12-31' }));
    expect(unwrap(await a.api.syncNow({})).status.outboxPending).toBe(0);
    await ho.waitDerived();
    unwrap(await b.api.syncNow({}));
    expect(unwrap(await b.api.getMember({ memberId: leap.id })).birthday).toBe('--02-29');
    expect(unwrap(await b.api.getMember({ memberId: whole.id })).birthday).toBe('--12-31');
    const quarantine = await ho.call('GET', '/admin/quarantine', undefined, ho.adminToken);
    expect(JSON.stringify(quarantine.body)).not.toContain(leap.id);
  });
});
