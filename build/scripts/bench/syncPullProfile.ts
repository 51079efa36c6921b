import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTerminalCore } from '../../../electron/terminal/terminalCore';
import { systemClock as terminalClock } from '../../../electron/platform/sources';
import { enrolWithHeadOffice } from '../../../electron/sync/enrol';
import { syncOnce } from '../../../electron/sync/job';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { createTestDatabase } from '../../../server/testing/databases';
import { openPostgres } from '../../../server/store/connect';
import { startHarness } from '../../../server/testing/harness';
import { pushBatch } from '../../../server/sync/push';
import { randomIds, systemClock } from '../../../server/sources';
import { uuidFrom } from '../../../server/testing/records';
import { benchDatabaseUrl, workload } from './syncFixture';

/**
 * Ad-hoc profile of a new terminal's first pull, head office in-process on PostgreSQL:
 * `TILLCARD_BENCH_DATABASE_URL=… node --cpu-prof --import tsx build/scripts/bench/syncPullProfile.ts [members]`.
 */
async function main(): Promise<void> {
  if (!benchDatabaseUrl) throw new Error('set TILLCARD_BENCH_DATABASE_URL');
  const n = Number(process.argv[2] ?? 20_000);
  const created = await createTestDatabase(benchDatabaseUrl);
  const database = await openPostgres(created.url, 4);
  const harness = await startHarness(database, systemClock, randomIds);
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-pullprof-'));
  try {
    const terminalId = uuidFrom(1, 9);
    await harness.enrol('shop-p', '91001', terminalId);
    const records = workload(1, n * 2);
    for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) {
      await pushBatch(
        database.db,
        systemClock,
        { id: terminalId, shopId: 'shop-p' },
        {
          protocolVersion: PROTOCOL_VERSION,
          terminalId,
          shopId: 'shop-p',
          records: records.slice(i, i + MAX_BATCH_RECORDS),
        },
        { withCopy: database.withCopyConnection },
      );
    }
    // Head office derives pushed records behind the push: the chain is complete once that is done.
    await harness.waitDerived();
    const core = openTerminalCore({
      dataDir: dir,
      validateOutput: false,
      timeZone: 'Asia/Shanghai',
      log: () => undefined,
    });
    const configured = core.dispatch('configureShop', {
      shopId: 'shop-new',
      shopName: 'New',
      terminalName: 'Till',
      terminalCode: '91999',
      manager: { name: 'Bench manager', pin: '2468' },
    });
    if (!configured.ok) throw new Error('configure');
    const codeFor = { shopId: 'shop-new', terminalCode: '91999' };
    const { code } = await harness.admin.call('createEnrolmentCode', { body: codeFor });
    await enrolWithHeadOffice(core.db, terminalClock, harness.url, code);
    const t0 = performance.now();
    const result = await syncOnce({ db: core.db, clock: terminalClock, owner: 'prof', requestTimeoutMs: 120_000 });
    console.log(`${JSON.stringify(result)} in ${Math.round(performance.now() - t0)} ms`);
    core.close();
  } finally {
    await harness.close();
    await created.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
await main();
