import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordTypeSchema } from '../../shared/sync/protocol';
import type { PushRecord } from '../../shared/sync/protocol';
import type { HoDatabase, HoDb } from '../store/connect';
import { ledger, sales } from '../store/schema';
import { testBackends } from '../testing/databases';
import { memberRecord, saleRecord, uuidFrom } from '../testing/records';
import { applyOneByOne } from './applyFallback';
import { applyBatchInBulk } from './bulkApply';
import { nothingApplied, type Applied, type Outcome } from './bulkPlan';
import type { LoggedRecord } from './loggedRecord';

const T0 = Date.UTC(2025, 2, 1, 2);
const src = { terminalId: uuidFrom(1, 0xa), shopId: 'shopA' };
const member = uuidFrom(100);

const logged = (r: PushRecord): LoggedRecord => ({
  seq: r.seq,
  recordId: r.recordId,
  type: RecordTypeSchema.parse(r.type),
  payload: JSON.parse(r.payload),
});

/** Thrown to roll a probe's transaction back, so both paths start from the same empty database. */
class RolledBack extends Error {}

interface Result {
  outcomes: Outcome[];
  saleIds: string[];
  ledgerIds: string[];
  feed: string[];
}

async function applyAndRollBack(db: HoDb, records: LoggedRecord[], path: 'bulk' | 'one by one'): Promise<Result> {
  let result: Result | null = null;
  await db
    .transaction(async (tx) => {
      const out: Applied = nothingApplied();
      const outcomes =
        path === 'bulk'
          ? await tx.transaction((sp) => applyBatchInBulk(sp, src, records, out))
          : await applyOneByOne(tx, src, records, out);
      result = {
        outcomes,
        saleIds: (await tx.select({ id: sales.id }).from(sales)).map((r) => r.id).sort(),
        ledgerIds: (await tx.select({ id: ledger.id }).from(ledger)).map((r) => r.id).sort(),
        feed: out.feed.map((f) => `${f.kind}:${f.entityId}`),
      };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!result) throw new Error(`the ${path} path gave no result`);
  return result;
}

// The fallback replays the planner one record at a time: the rules exist once, so both paths
// must treat every record alike, the one whose ledger rows repeat an id included.
describe.each(testBackends)('the bulk path and the one-at-a-time fallback on $name', (backend) => {
  let database: HoDatabase;
  beforeEach(async () => {
    database = await backend.open();
  });
  afterEach(async () => {
    await database.close();
  });

  it('quarantine a record with repeated ledger ids alike, and apply the others alike', async () => {
    const repeated = uuidFrom(2000);
    const sale = { memberId: member, earned: 10, day: '2025-03-01', at: T0 };
    const records = [
      memberRecord(1, member, 1, T0),
      saleRecord(2, { ...sale, saleId: uuidFrom(1002), totalMinor: 500, spent: 5, ledgerIds: [repeated, repeated] }),
      saleRecord(3, {
        ...sale,
        saleId: uuidFrom(1003),
        totalMinor: 700,
        spent: 0,
        ledgerIds: [uuidFrom(3), uuidFrom(4)],
      }),
    ].map(logged);
    const bulk = await applyAndRollBack(database.db, records, 'bulk');
    const oneByOne = await applyAndRollBack(database.db, records, 'one by one');
    expect(bulk.outcomes).toEqual([
      { seq: 1, status: 'applied' },
      { seq: 2, status: 'quarantined', reason: 'apply_failed', detail: 'ledger ids repeat within the record' },
      { seq: 3, status: 'applied' },
    ]);
    expect(bulk.saleIds).toEqual([uuidFrom(1003)]);
    expect(bulk.ledgerIds).toEqual([uuidFrom(4)]);
    expect(oneByOne).toEqual(bulk);
  });
});
