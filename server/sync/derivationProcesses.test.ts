import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { createMigratedTestDatabase, testDatabaseUrl } from '../testing/databases';
import { waitDerived } from '../testing/harness';
import { startHoProcess, type HoProcess } from '../testing/hoProcess';
import { memberAndSaleRecords, uuidFrom } from '../testing/records';
import { openPostgres } from '../store/connect';

// Derivation across real processes on one PostgreSQL: two servers deriving the same terminals,
// and a kill -9 in the middle of derivation. Small chunks make many derivation transactions.
const Counts = z.object({
  rows: z.array(
    z.object({
      sales: z.number(),
      ledger: z.number(),
      feed_ledger: z.number(),
      feed_ledger_distinct: z.number(),
      members: z.number(),
      lagging: z.number(),
    }),
  ),
});

async function post(
  url: string,
  path: string,
  body: unknown,
  token: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: z.record(z.string(), z.unknown()).parse(await res.json()) };
}

async function enrol(ho: HoProcess, n: number): Promise<{ terminalId: string; shopId: string; token: string }> {
  const terminalId = uuidFrom(n, 0xf);
  const shopId = `shop-${n}`;
  const code = await post(
    ho.url,
    '/admin/enrolment-codes',
    { shopId, terminalCode: String(93_000 + n) },
    ho.adminToken,
  );
  const enrolled = await post(
    ho.url,
    syncRoutes.enrol.path,
    { protocolVersion: PROTOCOL_VERSION, code: code.json.code, terminalId },
    '',
  );
  return { terminalId, shopId, token: String(enrolled.json.token) };
}

async function pushAll(
  servers: HoProcess[],
  t: { terminalId: string; shopId: string; token: string },
  records: PushRecord[],
  batch: number,
): Promise<void> {
  for (let i = 0, turn = t.terminalId.length; i < records.length; i += batch, turn++) {
    const server = servers[turn % servers.length];
    if (!server) throw new Error('no server');
    const r = await post(
      server.url,
      syncRoutes.push.path,
      {
        protocolVersion: PROTOCOL_VERSION,
        terminalId: t.terminalId,
        shopId: t.shopId,
        records: records.slice(i, i + batch),
      },
      t.token,
    );
    expect(r.json).toMatchObject({ status: 'ok', ackedThrough: Math.min(records.length, i + batch) });
  }
}

/**
 * What the projections hold: one sale and one ledger row per sale record, one feed row per ledger row,
 * nothing twice.
 */
async function counts(url: string) {
  const ho = await openPostgres(url, 1);
  try {
    const result = await ho.db.execute(sql`SELECT
      (SELECT count(*)::int FROM ho_sales) AS sales, (SELECT count(*)::int FROM ho_ledger) AS ledger,
      (SELECT count(*)::int FROM ho_changes WHERE kind = 'ledger') AS feed_ledger,
      (SELECT count(DISTINCT entity_id)::int FROM ho_changes WHERE kind = 'ledger') AS feed_ledger_distinct,
      (SELECT count(*)::int FROM ho_members) AS members,
      (SELECT count(*)::int FROM ho_terminals WHERE derived_seq < acked_seq) AS lagging`);
    const row = Counts.parse(result).rows[0];
    if (!row) throw new Error('no counts');
    return row;
  } finally {
    await ho.close();
  }
}

describe.skipIf(!testDatabaseUrl)('derivation across head-office processes on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('two processes derive the same terminals side by side, each record exactly once', async () => {
    const pg = await createMigratedTestDatabase(testDatabaseUrl ?? '');
    cleanups.push(pg.drop);
    const env = {
      DATABASE_URL: pg.url,
      TILLCARD_HO_DERIVE_CHUNK: '40',
      TILLCARD_HO_DERIVE_SWEEP_MS: '50',
      TILLCARD_HO_DERIVE_CONCURRENCY: '2',
    };
    const servers = await Promise.all([startHoProcess(env), startHoProcess(env)]);
    for (const s of servers) cleanups.push(() => s.stop());
    const [one] = servers;
    if (!one) throw new Error('servers did not start');
    const terminals = await Promise.all([1, 2, 3, 4].map((n) => enrol(one, n)));
    const perTerminal = 1_200;
    await Promise.all(
      terminals.map((t, i) => pushAll(servers, t, memberAndSaleRecords(100_000 * (i + 1), perTerminal), 300)),
    );
    await waitDerived(one.url, one.adminToken);
    const sold = (terminals.length * perTerminal) / 2;
    expect(await counts(pg.url)).toEqual({
      sales: sold,
      ledger: sold,
      feed_ledger: sold,
      feed_ledger_distinct: sold,
      members: sold,
      lagging: 0,
    });
  }, 120_000);

  it('head-office workers (TILLCARD_HO_WORKERS) share the port; kill -9 of the primary takes them down', async () => {
    const pg = await createMigratedTestDatabase(testDatabaseUrl ?? '');
    cleanups.push(pg.drop);
    const ho = await startHoProcess({
      DATABASE_URL: pg.url,
      TILLCARD_HO_WORKERS: '2',
      TILLCARD_HO_DERIVE_CHUNK: '100',
    });
    cleanups.push(() => ho.stop());
    const terminals = await Promise.all([6, 7, 8].map((n) => enrol(ho, n)));
    await Promise.all(terminals.map((t, i) => pushAll([ho], t, memberAndSaleRecords(700_000 + 10_000 * i, 600), 100)));
    await waitDerived(ho.url, ho.adminToken);
    expect(await counts(pg.url)).toEqual({
      sales: 900,
      ledger: 900,
      feed_ledger: 900,
      feed_ledger_distinct: 900,
      members: 900,
      lagging: 0,
    });
    // No orphaned workers keep serving (and deriving) once the primary is gone.
    await ho.kill9();
    let answering = true;
    for (let i = 0; i < 100 && answering; i++) {
      answering = await fetch(`${ho.url}/health`).then(
        () => true,
        () => false,
      );
      if (answering) await new Promise((r) => setTimeout(r, 100));
    }
    expect(answering).toBe(false);
  }, 120_000);

  it('kill -9 in the middle of derivation loses nothing and derives nothing twice', async () => {
    const pg = await createMigratedTestDatabase(testDatabaseUrl ?? '');
    cleanups.push(pg.drop);
    const env = { DATABASE_URL: pg.url, TILLCARD_HO_DERIVE_CHUNK: '10', TILLCARD_HO_DERIVE_SWEEP_MS: '50' };
    const ho = await startHoProcess(env);
    const t = await enrol(ho, 5);
    const records = memberAndSaleRecords(500_000, 4_000);
    await pushAll([ho], t, records, MAX_BATCH_RECORDS);
    // Every record is acknowledged; derivation (400 chunks of 10) is still going on.
    await ho.kill9();
    const cut = await counts(pg.url);
    expect(cut.lagging).toBe(1);
    expect(cut.sales).toBeLessThan(2_000);
    const restarted = await startHoProcess(env);
    cleanups.push(() => restarted.stop());
    await waitDerived(restarted.url, restarted.adminToken);
    expect(await counts(pg.url)).toEqual({
      sales: 2_000,
      ledger: 2_000,
      feed_ledger: 2_000,
      feed_ledger_distinct: 2_000,
      members: 2_000,
      lagging: 0,
    });
  }, 120_000);
});
