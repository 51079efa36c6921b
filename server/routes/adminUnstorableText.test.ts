// Regression (soak fuzz, `npm run soak -- --only headoffice --ho-runs 200 --seed 1`): a tier
// named "\u0000" made PostgreSQL refuse the write and head office answered HTTP 500. Text it
// cannot store (NUL, unpaired surrogates) is now refused with VALIDATION at every admin and
// sync route, before anything is written; the push alone keeps quarantining such a record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import type { HoDatabase } from '../store/connect';
import { unstorableTextPath } from '../../shared/storableText';

const T0 = Date.UTC(2025, 2, 1, 2);
const Count = z.object({ rows: z.array(z.object({ n: z.number() })) });
const UNSTORABLE = ['\u0000', '\uD800', '\uDFFF', 'Gold\u0000', 'x\uDC00y'];

async function settingsAndTiers(database: HoDatabase): Promise<number> {
  const result = await database.db.execute(
    sql`SELECT (SELECT count(*) FROM ho_settings)::int + (SELECT count(*) FROM ho_changes)::int AS n`,
  );
  return Count.parse(result).rows[0]?.n ?? -1;
}

describe('unstorableTextPath', () => {
  it('finds NUL and lone surrogates in keys and values at any depth, and passes paired surrogates', () => {
    expect(unstorableTextPath({ tiers: [{ code: 'B', name: '\u0000' }] })).toEqual(['tiers', 0, 'name']);
    expect(unstorableTextPath({ a: { '\uD800': 1 } })).toEqual(['a', '\uD800']);
    expect(unstorableTextPath({ name: '金卡 😀', n: 1, ok: true, none: null })).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const found = unstorableTextPath({ s });
        expect(found === null).toBe(
          !s.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s),
        );
      }),
    );
  });
});

describe.each(testBackends)('admin text PostgreSQL cannot store, on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;

  beforeEach(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0));
  });
  afterEach(async () => {
    await ho.close(); // closes the database too
  });

  it('a tier ladder naming a tier with NUL or a lone surrogate is refused (VALIDATION), nothing written', async () => {
    const before = await settingsAndTiers(database);
    for (const name of UNSTORABLE) {
      const answer = await ho.call(
        'PUT',
        '/admin/tiers',
        { tiers: [{ code: 'BRONZE', name, rank: 1, qualifyPoints: 0 }] },
        ho.adminToken,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'tiers.0.name' }] } });
    }
    expect(await settingsAndTiers(database)).toBe(before);
    const ok = await ho.call(
      'PUT',
      '/admin/tiers',
      { tiers: [{ code: 'BRONZE', name: '铜卡 Bronze', rank: 1, qualifyPoints: 0 }] },
      ho.adminToken,
    );
    expect(ok.status).toBe(200);
  });

  it('an enrolment code request with a NUL in the shop name is refused, not a 500', async () => {
    const answer = await ho.call(
      'POST',
      '/admin/enrolment-codes',
      { shopId: 'shop-x', shopName: 'A\u0000B', terminalCode: '90009' },
      ho.adminToken,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION' });
  });
});
