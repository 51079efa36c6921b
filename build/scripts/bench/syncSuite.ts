import { rmSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { members as termMembers } from '../../../db/schema';
import { systemClock } from '../../../electron/platform/sources';
import { syncOnce } from '../../../electron/sync/job';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION, type PushRecord } from '../../../shared/sync/protocol';
import { syncRoutes } from '../../../shared/sync/routes';
import { members as hoMembers, records as hoRecords, terminals as hoTerminals } from '../../../server/store/schema';
import { uuidFrom } from '../../../server/testing/records';
import type { BenchRow, BenchSuite } from './suite';
import {
  enrolBare,
  enrolledTerminal,
  fillOutbox,
  outboxState,
  post,
  startBenchHeadOffice,
  waitAllDerived,
  workload,
  type BenchHeadOffice,
} from './syncFixture';

const PUSH_RECORDS = 100_000;
const INGEST_TERMINALS = 10;
const INGEST_PER_TERMINAL = 10_000;
const PULL_MEMBERS = 100_000;

const seconds = (ms: number): number => Math.round(ms / 10) / 100;

/**
 * push_100k_s: a real terminal's 100k-record backlog, pushed by the real sync job to head office's
 * process, until stored and acknowledged; push_100k_applied_s: until head office also derived it all.
 */
async function pushBacklog(
  ho: BenchHeadOffice,
  log: (m: string) => void,
): Promise<{ ackedMs: number; appliedMs: number; pushed: number }> {
  const { core, dir } = await enrolledTerminal(ho, 'bench-push', '91000');
  try {
    const before = outboxState(core);
    fillOutbox(core, workload(1, PUSH_RECORDS, before.nextSeq));
    const expected = PUSH_RECORDS + before.waiting;
    log(`bench: sync: pushing ${PUSH_RECORDS.toLocaleString('en')} records through the sync job…`);
    const started = performance.now();
    const result = await syncOnce({ db: core.db, clock: systemClock, owner: 'bench', requestTimeoutMs: 120_000 });
    const elapsed = performance.now() - started;
    if (result.status !== 'synced' || result.pushed !== expected)
      throw new Error(`push backlog: ${JSON.stringify(result)}`);
    await waitAllDerived(ho);
    return { ackedMs: elapsed, appliedMs: performance.now() - started, pushed: result.pushed };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * ingest_records_per_s: ten terminals' prebuilt batches sent at once through the real endpoint and
 * auth, until stored and acknowledged; derive_records_per_s: until head office also derived them all.
 */
async function ingest(ho: BenchHeadOffice, log: (m: string) => void): Promise<{ ackedMs: number; appliedMs: number }> {
  const pushers: { token: string; bodies: string[] }[] = [];
  for (let t = 0; t < INGEST_TERMINALS; t++) {
    const terminalId = uuidFrom(t + 1, 9);
    const shopId = `bench-shop-${t}`;
    const token = await enrolBare(ho, shopId, String(91_100 + t), terminalId);
    const records: PushRecord[] = workload(1_000_000 * (t + 1), INGEST_PER_TERMINAL);
    const bodies: string[] = [];
    for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) {
      bodies.push(
        JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          terminalId,
          shopId,
          pending: records.length - i,
          records: records.slice(i, i + MAX_BATCH_RECORDS),
        }),
      );
    }
    pushers.push({ token, bodies });
  }
  log(
    `bench: sync: ${INGEST_TERMINALS} terminals pushing ` +
      `${(INGEST_TERMINALS * INGEST_PER_TERMINAL).toLocaleString('en')} records at once…`,
  );
  const started = performance.now();
  await Promise.all(
    pushers.map(async (p) => {
      for (const body of p.bodies) {
        const r = await post(ho.url, syncRoutes.push.path, body, p.token);
        if (r.status !== 200 || r.json.status !== 'ok')
          throw new Error(`ingest push: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
      }
    }),
  );
  const ackedMs = performance.now() - started;
  await waitAllDerived(ho);
  return { ackedMs, appliedMs: performance.now() - started };
}

/** pull_100k_members_s: a new terminal's first sync, pulling every member of the chain. */
/** The pull's time, and the records the new terminal pushed on the way (its set-up's audit record). */
async function pullMembers(ho: BenchHeadOffice, log: (m: string) => void): Promise<{ ms: number; pushed: number }> {
  const { core, dir } = await enrolledTerminal(ho, 'bench-new', '91999');
  try {
    log('bench: sync: a new terminal pulls the chain…');
    const started = performance.now();
    const result = await syncOnce({ db: core.db, clock: systemClock, owner: 'bench', requestTimeoutMs: 120_000 });
    const elapsed = performance.now() - started;
    const local = core.db.select({ n: count() }).from(termMembers).get()?.n ?? 0;
    if (result.status !== 'synced' || local < PULL_MEMBERS)
      throw new Error(`pull: ${JSON.stringify(result)}, ${local} members on the terminal`);
    return { ms: elapsed, pushed: result.pushed };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Head office at chain scale, as real processes over loopback: the sync job's push of a big
 * backlog, ten terminals pushing at once, a new terminal's first pull. On the PostgreSQL server
 * TILLCARD_BENCH_DATABASE_URL (or TILLCARD_TEST_DATABASE_URL) names; without one, on PGlite,
 * and the rows say so (the targets are for PostgreSQL).
 */
export const syncSuite: BenchSuite = {
  name: 'sync',
  async run(_dataset, settings) {
    const ho = await startBenchHeadOffice();
    const on = ho.backend === 'postgres' ? 'PostgreSQL' : 'PGlite — no PostgreSQL URL given';
    try {
      const push = await pushBacklog(ho, settings.log);
      const pushMs = push.ackedMs;
      const ingestRun = await ingest(ho, settings.log);
      const ingested = INGEST_TERMINALS * INGEST_PER_TERMINAL;
      const perSecond = Math.round(ingested / (ingestRun.ackedMs / 1_000));
      const derivedPerSecond = Math.round(ingested / (ingestRun.appliedMs / 1_000));
      const pull = await pullMembers(ho, settings.log);
      const pullMs = pull.ms;
      await ho.stop();
      const db = await ho.inspect();
      const stored = (await db.db.select({ n: count() }).from(hoRecords))[0]?.n ?? 0;
      const memberCount =
        (
          await db.db
            .select({ n: count() })
            .from(hoMembers)
            .where(sql`true`)
        )[0]?.n ?? 0;
      // Applied: derived (seq ≤ its terminal's derived_seq) and not quarantined (server/sync/recordStatus.ts).
      const pushedOk =
        (
          await db.db
            .select({ n: count() })
            .from(hoRecords)
            .innerJoin(hoTerminals, eq(hoTerminals.id, hoRecords.terminalId))
            .where(sql`${hoRecords.status} <> 'quarantined' AND ${hoRecords.seq} <= ${hoTerminals.derivedSeq}`)
        )[0]?.n ?? 0;
      await db.close();
      // The two real terminals push their own records too (their set-up's audit record, since issue 14).
      const complete = stored === push.pushed + ingested + pull.pushed && pushedOk === stored;
      const rows: BenchRow[] = [
        {
          measure: `sync (${on}): 100,000-record backlog reaches head office (stored, acknowledged)`,
          value: `${seconds(pushMs)} s`,
          target: '≤ 10 s',
          ok: pushMs <= 10_000,
        },
        // The target is the backlog reaching head office (stored and acknowledged, above); derivation follows
        // behind it and is shown for what it is, as the README's table does.
        {
          measure: `sync (${on}): 100,000-record backlog applied (derived into sales, ledger, feed)`,
          value: `${seconds(push.appliedMs)} s`,
        },
        {
          measure: `sync (${on}): ingest, ${INGEST_TERMINALS} terminals at once (stored, acknowledged)`,
          value: `${perSecond.toLocaleString('en')} rec/s`,
          target: '≥ 50,000/s',
          ok: perSecond >= 50_000,
        },
        {
          measure: `sync (${on}): the same ${ingested.toLocaleString('en')} records derived (from the first push)`,
          value: `${derivedPerSecond.toLocaleString('en')} rec/s`,
        },
        {
          measure: `sync (${on}): new terminal pulls ${memberCount.toLocaleString('en')} members`,
          value: `${seconds(pullMs)} s`,
          target: '≤ 10 s',
          ok: pullMs <= 10_000,
        },
        {
          measure: 'sync: every pushed record stored and applied once at head office',
          value: complete ? 'yes' : `${stored} stored, ${pushedOk} applied`,
          ok: complete,
        },
      ];
      return {
        keys: {
          push_100k_s: seconds(pushMs),
          push_100k_applied_s: seconds(push.appliedMs),
          ingest_records_per_s: perSecond,
          derive_records_per_s: derivedPerSecond,
          pull_100k_members_s: seconds(pullMs),
          ...(ho.backend === 'pglite' ? { sync_on_pglite: 1 } : {}),
        },
        rows,
      };
    } finally {
      await ho.cleanup();
    }
  },
};
