import { performance } from 'node:perf_hooks';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { createTestDatabase } from '../../../server/testing/databases';
import { openPostgres } from '../../../server/store/connect';
import { startHarness } from '../../../server/testing/harness';
import { pushBatch } from '../../../server/sync/push';
import { systemClock, randomIds } from '../../../server/sources';
import { uuidFrom } from '../../../server/testing/records';
import { benchDatabaseUrl, workload } from './syncFixture';

/**
 * Ad-hoc profile of pushBatch in-process on PostgreSQL (no HTTP): how long N records take in
 * batches of MAX_BATCH_RECORDS. `TILLCARD_BENCH_DATABASE_URL=… tsx build/scripts/bench/syncPushProfile.ts [N]`.
 */
async function main(): Promise<void> {
  if (!benchDatabaseUrl) throw new Error('set TILLCARD_BENCH_DATABASE_URL');
  const n = Number(process.argv[2] ?? 20_000);
  const created = await createTestDatabase(benchDatabaseUrl);
  const database = await openPostgres(created.url, 4);
  const harness = await startHarness(database, systemClock, randomIds);
  try {
    const terminalId = uuidFrom(1, 9);
    await harness.enrol('shop-p', '91001', terminalId);
    const records = workload(1, n);
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) {
      const b = performance.now();
      await pushBatch(database.db, systemClock, { id: terminalId, shopId: 'shop-p' }, { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: 'shop-p', records: records.slice(i, i + MAX_BATCH_RECORDS) });
      if (i === 0 || i / MAX_BATCH_RECORDS === 10) console.log(`batch ${i / MAX_BATCH_RECORDS}: ${Math.round(performance.now() - b)} ms`);
    }
    const ms = performance.now() - t0;
    console.log(`${n} records in ${Math.round(ms)} ms = ${Math.round(n / (ms / 1000))} rec/s`);
  } finally {
    await harness.close();
    await created.drop();
  }
}
await main();
