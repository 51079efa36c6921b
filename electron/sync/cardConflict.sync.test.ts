import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillApi } from '../../shared/contract';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { openTestCore, TEST_START_MS, unwrap, type TestCore } from '../services/services.testkit';

// Two tills that ran alone under the same hand-typed terminal code (and, in tests, the same card
// key) issue the same card number. Head office keeps both members, flags the second number
// (admin route card-conflicts), and the first till lists the other shop's member as a pull issue.

interface Till {
  core: TestCore;
  api: TillApi;
}

describe.each(testBackends)('duplicate card numbers on $name', (backend) => {
  let ho: Harness;
  const tills: Till[] = [];

  async function standalone(prefix: number, shopId: string): Promise<Till> {
    const hour = 3_600_000;
    const core = openTestCore({
      start: TEST_START_MS,
      idPrefix: prefix,
      sync: { owner: `t-${prefix}`, intervalMs: hour, backoffBaseMs: hour, backoffMaxMs: hour, log: () => undefined },
    });
    tills.push({ core, api: core.api });
    unwrap(await core.api.configureShop({ shopId, shopName: shopId, terminalName: 'Till 1', terminalCode: '90001' }));
    return { core, api: core.api };
  }
  async function enrol(till: Till, shopId: string): Promise<void> {
    const created = await ho.call('POST', '/admin/enrolment-codes', { shopId }, ho.adminToken);
    unwrap(await till.api.enrolHeadOffice({ url: ho.url, code: String(created.body.code) }));
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

  it('head office flags the second holder of a card number; the other till lists it with what to do', async () => {
    const a = await standalone(95, 'shopA');
    const b = await standalone(96, 'shopB');
    const ma = unwrap(
      await a.api.registerMember({ requestId: a.core.ctx.ids.uuid(), name: 'Ann', phone: '13800138061' }),
    );
    const mb = unwrap(
      await b.api.registerMember({ requestId: b.core.ctx.ids.uuid(), name: 'Bo', phone: '13800138062' }),
    );
    expect(mb.cardNumber).toBe(ma.cardNumber);
    // Till A's member reaches head office first: B is enrolled (which starts its sending) only after.
    await enrol(a, 'shopA');
    unwrap(await a.api.syncNow({}));
    await ho.waitDerived();
    await enrol(b, 'shopB');
    unwrap(await b.api.syncNow({}));
    await ho.waitDerived();
    const conflicts = await ho.call('GET', '/admin/card-conflicts', undefined, ho.adminToken);
    expect(conflicts.status).toBe(200);
    expect(conflicts.body).toMatchObject({
      conflicts: [{ cardNumber: ma.cardNumber, memberId: mb.id, holderMemberId: ma.id }],
    });
    // Both members are kept at head office (nothing quarantined).
    const quarantine = await ho.call('GET', '/admin/quarantine', undefined, ho.adminToken);
    expect(JSON.stringify(quarantine.body)).not.toContain(mb.id);
    unwrap(await a.api.syncNow({}));
    const issues = unwrap(await a.api.getStatus({})).pullIssues;
    expect(issues.latest).toContainEqual(
      expect.objectContaining({ kind: 'duplicate_card', entityId: mb.id, name: 'Bo' }),
    );
    expect(unwrap(await a.api.lookupCard({ cardNumber: ma.cardNumber })).id).toBe(ma.id);
  });
});
