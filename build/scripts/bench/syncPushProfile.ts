import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { HoDb } from '../../../server/store/connect';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { createTestDatabase } from '../../../server/testing/databases';
import { openPostgres } from '../../../server/store/connect';
import { startHarness } from '../../../server/testing/harness';
import { pushBatch } from '../../../server/sync/push';
import { deriveTerminal } from '../../../server/sync/deriver';
import { systemClock, randomIds } from '../../../server/sources';
import { uuidFrom } from '../../../server/testing/records';
import { benchDatabaseUrl, workload } from './syncFixture';

/**
 * Ad-hoc profile, in-process on PostgreSQL (no HTTP): N records stored by pushBatch in batches of
 * MAX_BATCH_RECORDS with no deriver running, then derived by deriveTerminal in chunks of C.
 * `TILLCARD_BENCH_DATABASE_URL=… tsx build/scripts/bench/syncPushProfile.ts [N] [C]`; add
 * `PGOPTIONS='-c log_min_duration_statement=0'` to see each statement in PostgreSQL's log.
 */
/**
 * CPU time the PostgreSQL backends of this database used so far (Linux /proc, same machine):
 * less noisy than wall time on a busy machine.
 */
async function backendCpuMs(db: HoDb): Promise<number> {
  const result = await db.execute(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const pids = z
    .object({ rows: z.array(z.object({ pid: z.number() })) })
    .parse(result)
    .rows.map((r) => r.pid);
  const ticks = sysconfTicks();
  let total = 0;
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * (1000 / ticks);
  }
  return total;
}
const sysconfTicks = (): number => 100;

/** PROFILE_CPU=<file>: a V8 CPU profile of the derivation alone (open it in Chrome's DevTools). */
async function startCpuProfile(): Promise<{ stop(): Promise<unknown> }> {
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return { stop: async () => z.object({ profile: z.unknown() }).parse(await post('Profiler.stop')).profile };
}

async function main(): Promise<void> {
  if (!benchDatabaseUrl) throw new Error('set TILLCARD_BENCH_DATABASE_URL');
  const n = Number(process.argv[2] ?? 20_000);
  const chunk = Number(process.argv[3] ?? 4_000);
  const created = await createTestDatabase(benchDatabaseUrl);
  const database = await openPostgres(created.url, 4);
  // PROFILE_SQL: statements to try on the fresh schema first (an index or constraint change being weighed).
  if (process.env.PROFILE_SQL) await database.db.execute(sql.raw(process.env.PROFILE_SQL));
  const harness = await startHarness(database, systemClock, randomIds, { derive: false });
  try {
    const terminalId = uuidFrom(1, 9);
    await harness.enrol('shop-p', '91001', terminalId);
    const records = workload(1, n);
    const t0 = performance.now();
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
    const stored = performance.now() - t0;
    console.log(`stored ${n} records in ${Math.round(stored)} ms = ${Math.round(n / (stored / 1000))} rec/s`);
    const pgBefore = await backendCpuMs(database.db);
    const nodeBefore = process.cpuUsage();
    const t1 = performance.now();
    const profiler = process.env.PROFILE_CPU ? await startCpuProfile() : null;
    const derived = await deriveTerminal(database.db, systemClock, terminalId, { chunkRecords: chunk });
    const ms = performance.now() - t1;
    if (profiler && process.env.PROFILE_CPU)
      writeFileSync(process.env.PROFILE_CPU, JSON.stringify(await profiler.stop()));
    const nodeCpu = process.cpuUsage(nodeBefore);
    const pgCpu = (await backendCpuMs(database.db)) - pgBefore;
    console.log(
      `derived ${derived.derived} records in chunks of ${chunk} in ${Math.round(ms)} ms = ` +
        `${Math.round(derived.derived / (ms / 1000))} rec/s; CPU: PostgreSQL ${Math.round(pgCpu)} ms, Node ` +
        `${Math.round((nodeCpu.user + nodeCpu.system) / 1000)} ms`,
    );
  } finally {
    await harness.close();
    await created.drop();
  }
}
await main();
