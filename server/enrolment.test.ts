import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';
import { syncRoutes } from '../shared/sync/routes';
import { fixedClockForTests } from './testing/clock';
import { testBackends } from './testing/databases';
import { startHarness, type Harness } from './testing/harness';
import { uuidFrom } from './testing/records';
import { enrolmentCodes, terminals } from './store/schema';
import type { HoDatabase } from './store/connect';

const T0 = Date.UTC(2025, 2, 1, 2, 0, 0);

describe.each(testBackends)('enrolment is idempotent on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const clock = fixedClockForTests(T0);

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
  });
  afterAll(async () => {
    await ho.close();
  });

  const newCode = async (terminalCode: string, validForHours = 72): Promise<string> => {
    const created = await ho.call(
      'POST',
      '/admin/enrolment-codes',
      { shopId: 'shop-e', shopName: 'Enrol St', terminalCode, validForHours },
      ho.adminToken,
    );
    expect(created.status).toBe(201);
    return String(created.body.code);
  };
  const enrol = (code: string, terminalId: string) =>
    ho.call('POST', syncRoutes.enrol.path, { protocolVersion: PROTOCOL_VERSION, code, terminalId });
  const pushEmpty = (token: string, terminalId: string) =>
    ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: 'shop-e', records: [] },
      token,
    );

  it('answers a resent code with the same credentials, also when the resends race', async () => {
    const code = await newCode('93001');
    const id = uuidFrom(1, 0xe);
    const first = await enrol(code, id);
    expect(first.status).toBe(200);
    // The answer was lost; the terminal sends the same code again (typed differently, even).
    const again = await enrol(code.toLowerCase().replace(/-/g, ' '), id);
    expect(again.status).toBe(200);
    expect(again.body.token).toBe(first.body.token);
    expect((await pushEmpty(String(first.body.token), id)).status).toBe(200);

    const raced = await newCode('93002');
    const id2 = uuidFrom(2, 0xe);
    const answers = await Promise.all([enrol(raced, id2), enrol(raced, id2), enrol(raced, id2)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.token)).size).toBe(1);
    expect((await pushEmpty(String(answers[0]?.body.token), id2)).status).toBe(200);
    const rows = await database.db.select({ n: count() }).from(terminals);
    expect(rows[0]?.n).toBe(2);
  });

  it('refuses the spent code for another terminal, after expiry, and after a revoke', async () => {
    const code = await newCode('93003', 1);
    const id = uuidFrom(3, 0xe);
    const first = await enrol(code, id);
    expect(first.status).toBe(200);
    expect((await enrol(code, uuidFrom(4, 0xe))).body.code).toBe('ENROLMENT_CODE_INVALID');
    clock.advance(2 * 3_600_000);
    expect((await enrol(code, id)).body.code).toBe('ENROLMENT_CODE_INVALID');
    // The credentials issued before expiry keep working.
    expect((await pushEmpty(String(first.body.token), id)).status).toBe(200);

    const code2 = await newCode('93004');
    const id2 = uuidFrom(5, 0xe);
    expect((await enrol(code2, id2)).status).toBe(200);
    expect((await ho.call('POST', `/admin/terminals/${id2}/revoke`, {}, ho.adminToken)).status).toBe(200);
    expect((await enrol(code2, id2)).body.code).toBe('REVOKED');
  });

  it('refuses any code it never made, writing nothing', async () => {
    const before = (await database.db.select({ n: count() }).from(terminals))[0]?.n;
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/),
        fc.integer({ min: 10, max: 10_000 }),
        async (code, n) => {
          const res = await enrol(code, uuidFrom(n, 0xe));
          expect(res.status).toBe(400);
          expect(res.body.code).toBe('ENROLMENT_CODE_INVALID');
        },
      ),
      { numRuns: 25 },
    );
    expect((await database.db.select({ n: count() }).from(terminals))[0]?.n).toBe(before);
  });

  it('refuses a code made for another shop before spending it or listing the terminal', async () => {
    const code = await newCode('93010');
    const id = uuidFrom(10, 0xe);
    const terminalsNow = async () => (await database.db.select({ n: count() }).from(terminals))[0]?.n;
    const spent = async () =>
      (await database.db.select({ usedAt: enrolmentCodes.usedAt }).from(enrolmentCodes)).filter(
        (c) => c.usedAt !== null,
      ).length;
    const [terminalsBefore, spentBefore] = [await terminalsNow(), await spent()];
    const refused = await ho.call('POST', syncRoutes.enrol.path, {
      protocolVersion: PROTOCOL_VERSION,
      code,
      terminalId: id,
      shopId: 'shop-other',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'SHOP_MISMATCH',
      details: { codeShopId: 'shop-e', codeShopName: 'Enrol St', terminalShopId: 'shop-other' },
    });
    // No ghost: the code is not spent and no terminal is listed.
    expect(await terminalsNow()).toBe(terminalsBefore);
    expect(await spent()).toBe(spentBefore);
    // The same code still works for a till of its own shop.
    const ok = await ho.call('POST', syncRoutes.enrol.path, {
      protocolVersion: PROTOCOL_VERSION,
      code,
      terminalId: id,
      shopId: 'shop-e',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.shopId).toBe('shop-e');
  });
});
