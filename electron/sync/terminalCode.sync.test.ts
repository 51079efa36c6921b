import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { openTestCore, TEST_START_MS, unwrap, type TestCore } from '../services/services.testkit';

// Head office gives each terminal its code (the first five digits of its cards): codes never
// collide across the chain, and a till that ran alone first keeps its earlier cards valid.

describe.each(testBackends)('terminal codes assigned by head office on $name', (backend) => {
  let ho: Harness;
  const cores: TestCore[] = [];

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), { now: () => Date.now() });
  });
  afterAll(async () => {
    for (const c of cores) {
      await c.sync.stop();
      c.dispose();
    }
    await ho.close();
  });

  const newCode = (body: Record<string, unknown>) => ho.call('POST', '/admin/enrolment-codes', body, ho.adminToken);

  it('assigns a free code when none is given, and refuses one another terminal or shop holds', async () => {
    const first = await newCode({ shopId: 'shopX' });
    const second = await newCode({ shopId: 'shopY' });
    expect(first.status).toBe(201);
    const a = String(first.body.terminalCode);
    const b = String(second.body.terminalCode);
    expect(a).toMatch(/^\d{5}$/);
    expect(b).not.toBe(a);
    // Another shop's open code holds its terminal code.
    const clash = await newCode({ shopId: 'shopZ', terminalCode: a });
    expect(clash.status).toBe(409);
    // The same shop may ask again (the first code was lost).
    expect((await newCode({ shopId: 'shopX', terminalCode: a })).status).toBe(201);
  });

  it('a till that ran alone takes head office’s code at enrolment; its earlier cards stay valid', async () => {
    const core = openTestCore({ start: TEST_START_MS, idPrefix: 94 });
    cores.push(core);
    const { api } = core;
    unwrap(await api.configureShop({ shopId: 'shopW', shopName: 'W', terminalName: 'Till 1', terminalCode: '90001' }));
    const before = unwrap(
      await api.registerMember({ requestId: core.ctx.ids.uuid(), name: 'Early', phone: '13800138081' }),
    );
    expect(before.cardNumber.startsWith('90001')).toBe(true);
    const created = await newCode({ shopId: 'shopW' });
    const assigned = String(created.body.terminalCode);
    const status = unwrap(await api.enrolHeadOffice({ url: ho.url, code: String(created.body.code) }));
    expect(status.terminalCode).toBe(assigned);
    const after = unwrap(
      await api.registerMember({ requestId: core.ctx.ids.uuid(), name: 'Later', phone: '13800138082' }),
    );
    expect(after.cardNumber.startsWith(assigned)).toBe(true);
    expect(unwrap(await api.lookupCard({ cardNumber: before.cardNumber })).id).toBe(before.id);
    expect(unwrap(await api.lookupCard({ cardNumber: after.cardNumber })).id).toBe(after.id);
    // The code is now an enrolled terminal's: no other shop gets it.
    expect((await newCode({ shopId: 'shopV', terminalCode: assigned })).status).toBe(409);
  });
});
