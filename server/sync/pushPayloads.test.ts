import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, payloadObject, uuidFrom } from '../testing/records';
import { members } from '../store/schema';
import { recordStatuses } from '../sync/recordStatus';
import type { HoDatabase } from '../store/connect';

const T0 = Date.UTC(2025, 2, 1, 2, 0, 0);

/** Reverses the key order of an object payload: the same record, serialised differently. */
/** The same JSON object written with its keys in reverse order: the same record, other text. */
const reordered = (record: PushRecord): string =>
  JSON.stringify(Object.fromEntries(Object.entries(payloadObject(record)).reverse()));

describe.each(testBackends)('pushed payloads of any text on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  let token = '';
  const clock = fixedClockForTests(T0);
  const terminalId = uuidFrom(1, 0xb);
  let seq = 0;

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    token = (await ho.enrol('shop-p', '94001', terminalId)).token;
  });
  afterAll(async () => {
    await ho.close();
  });

  const push = (recs: PushRecord[]) =>
    ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: 'shop-p', records: recs },
      token,
    );

  it('stores any name exactly, takes a repeat in another key order as the same, refuses a changed one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60, unit: 'binary' }), async (name) => {
        seq += 1;
        const id = uuidFrom(seq, 0xc);
        const base = memberRecord(seq, id, 10_000 + seq, T0 + seq);
        const record: PushRecord = { ...base, payload: JSON.stringify({ ...payloadObject(base), name }) };
        const first = await push([record]);
        expect(first.status).toBe(200);
        await ho.waitDerived();
        const stored = (await recordStatuses(database.db, terminalId)).find((r) => r.seq === seq);
        // PostgreSQL cannot store NUL or an unpaired surrogate: quarantined (not applied), and the queue moves on.
        const unstorable =
          name.includes(String.fromCharCode(0)) ||
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name);
        if (unstorable) {
          expect(stored?.status).toBe('quarantined');
        } else {
          expect(stored?.status).toBe('applied');
          expect(
            (await database.db.select({ name: members.name }).from(members).where(eq(members.id, id)))[0]?.name,
          ).toBe(name);
        }
        const again = await push([{ ...record, payload: reordered(record) }]);
        expect(again.body).toMatchObject({ status: 'ok', duplicates: 1, applied: 0 });
        const changed = await push([
          { ...record, payload: JSON.stringify({ ...payloadObject(record), name: `${name}x` }) },
        ]);
        expect(changed.body.code).toBe('PAYLOAD_CONFLICT');
      }),
      {
        numRuns: 30,
        examples: [
          [`a${String.fromCharCode(0)}b`],
          ['"quoted" \\ back\\slash'],
          ['茶 ☕ 𝄞'],
          ['lone \uD800 surrogate'],
        ],
      },
    );
  });
});
