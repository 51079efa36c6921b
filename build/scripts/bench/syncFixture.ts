import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { outbox } from '../../../db/schema';
import { openTerminalCore, type TerminalCore } from '../../../electron/terminal/terminalCore';
import { enrolWithHeadOffice } from '../../../electron/sync/enrol';
import { systemClock } from '../../../electron/platform/sources';
import { PROTOCOL_VERSION, type PushRecord } from '../../../shared/sync/protocol';
import { syncRoutes } from '../../../shared/sync/routes';
import type { AdminClient } from '../../../shared/admin/client';
import { createTestDatabase } from '../../../server/testing/databases';
import { startHoProcess, type HoProcess } from '../../../server/testing/hoProcess';
import { memberAndSaleRecords } from '../../../server/testing/records';
import { openPglite, openPostgres, type HoDatabase } from '../../../server/store/connect';

/** Head office as a real process on a fresh database, plus a connection of our own to check what arrived. */
export interface BenchHeadOffice {
  url: string;
  admin: AdminClient;
  backend: 'postgres' | 'pglite';
  /** Opened after the process stopped for PGlite (one writer per folder); at once for PostgreSQL. */
  inspect(): Promise<HoDatabase>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export const benchDatabaseUrl =
  process.env.TILLCARD_BENCH_DATABASE_URL ?? process.env.TILLCARD_TEST_DATABASE_URL ?? null;

export async function startBenchHeadOffice(): Promise<BenchHeadOffice> {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-bench-ho-'));
  const pg = benchDatabaseUrl ? await createTestDatabase(benchDatabaseUrl) : null;
  // Head office as it starts by default: on PostgreSQL, one worker per core (server/config.ts).
  const ho: HoProcess = await startHoProcess(
    pg ? { DATABASE_URL: pg.url, TILLCARD_HO_WORKERS: '' } : { TILLCARD_HO_DATA_DIR: join(dir, 'pglite') },
  );
  return {
    url: ho.url,
    admin: ho.admin,
    backend: pg ? 'postgres' : 'pglite',
    inspect: () => (pg ? openPostgres(pg.url, 2) : openPglite(join(dir, 'pglite'))),
    stop: () => ho.stop(),
    cleanup: async () => {
      await ho.stop().catch(() => undefined);
      if (pg) await pg.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function post(
  url: string,
  path: string,
  body: unknown,
  token: string | null,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function enrolmentCode(ho: BenchHeadOffice, shopId: string, terminalCode: string): Promise<string> {
  const body = { shopId, shopName: `Bench ${shopId}`, terminalCode };
  return (await ho.admin.call('createEnrolmentCode', { body })).code;
}

/** Enrols a terminal id over HTTP (no terminal database): the token a bench pusher sends. */
export async function enrolBare(
  ho: BenchHeadOffice,
  shopId: string,
  terminalCode: string,
  terminalId: string,
): Promise<string> {
  const code = await enrolmentCode(ho, shopId, terminalCode);
  const r = await post(ho.url, syncRoutes.enrol.path, { protocolVersion: PROTOCOL_VERSION, code, terminalId }, null);
  if (r.status !== 200) throw new Error(`enrol: ${JSON.stringify(r.json)}`);
  return String(r.json.token);
}

export { post };

/**
 * Polls head office's terminal overview until every terminal (or those named) has derived all it
 * acknowledged: the projections (sales, ledger, members, pull feed) are complete. Only head
 * office's own derivers work meanwhile — this does not derive anything itself.
 */
export async function waitAllDerived(
  ho: BenchHeadOffice,
  terminalIds: string[] | null = null,
  limitMs = 600_000,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    const body = await ho.admin.call('terminals');
    const waiting = body.terminals.filter(
      (t) => (terminalIds === null || terminalIds.includes(t.id)) && t.derivationLag > 0,
    );
    if (waiting.length === 0) return;
    if (performance.now() - started > limitMs)
      throw new Error(`derivation did not finish in ${limitMs} ms: ${JSON.stringify(waiting)}`);
    await sleep(25);
  }
}

/** A real terminal core in a temp folder, configured as a shop and enrolled at head office. */
export async function enrolledTerminal(
  ho: BenchHeadOffice,
  shopId: string,
  terminalCode: string,
): Promise<{ core: TerminalCore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-bench-term-'));
  const core = openTerminalCore({
    dataDir: dir,
    validateOutput: false,
    timeZone: 'Asia/Shanghai',
    log: () => undefined,
  });
  const configured = core.dispatch('configureShop', {
    shopId,
    shopName: `Bench ${shopId}`,
    terminalName: 'Bench till',
    terminalCode,
    manager: { name: 'Bench manager', pin: '2468' },
  });
  if (!configured.ok) throw new Error(`configureShop: ${JSON.stringify(configured.error)}`);
  const enrolled = await enrolWithHeadOffice(
    core.db,
    systemClock,
    ho.url,
    await enrolmentCode(ho, shopId, terminalCode),
  );
  if (!enrolled.ok) throw new Error(`enrol: ${enrolled.code} ${enrolled.message}`);
  return { core, dir };
}

/** The bench's records: member registrations and sales alternately (server/testing/records.ts). */
export const workload = memberAndSaleRecords;

/**
 * The outbox's next sequence number and how many records wait in it: a configured terminal has
 * records already (the set-up's audit record, since issue 14), so a backlog is numbered after them.
 */
export function outboxState(core: TerminalCore): { nextSeq: number; waiting: number } {
  const row = core.db.$client
    .prepare(
      'SELECT coalesce(max(seq), 0) + 1 AS nextSeq, count(*) FILTER (WHERE acked_at IS NULL) AS waiting FROM outbox',
    )
    .get() as { nextSeq: number; waiting: number };
  return row;
}

/** Writes records straight into a terminal's outbox (one transaction): a backlog as if made offline. */
export function fillOutbox(core: TerminalCore, records: PushRecord[]): void {
  core.db.transaction((tx) => {
    for (let i = 0; i < records.length; i += 500) {
      tx.insert(outbox)
        .values(
          records.slice(i, i + 500).map((r) => ({
            seq: r.seq,
            recordId: r.recordId,
            recordType: r.type,
            payloadJson: r.payload,
            createdAt: Date.now(),
            ackedAt: null,
          })),
        )
        .run();
    }
  });
}
