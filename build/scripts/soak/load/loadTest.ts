// Head office under load (issue 5 §4): head office runs as its own process (PostgreSQL when
// TILLCARD_TEST_DATABASE_URL is set), 50 terminals are enrolled, and a SECOND process
// (pusher.ts) pushes batches from all of them at once over loopback for a fixed time. Then head
// office's database is read: every record it acknowledged must be stored, exactly once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { EnrolResponse, PROTOCOL_VERSION } from '../../../../shared/sync/protocol';
import { syncRoutes } from '../../../../shared/sync/routes';
import { records, terminals as hoTerminals } from '../../../../server/store/schema';
import { uuidFrom } from '../../../../server/testing/records';
import { startSoakHeadOffice, type SoakHeadOffice } from '../network/headOffice';
import type { PusherConfig } from './pusher';
import type { PusherReport } from './stats';

const PUSHER = fileURLToPath(new URL('./pusher.ts', import.meta.url));

export interface LoadOptions {
  seed: number;
  terminals: number;
  seconds: number;
  batchRecords: number;
  log: (line: string) => void;
}

export interface LoadResult extends PusherReport {
  backend: 'postgres' | 'pglite';
  recordsPerSecond: number;
  requestsPerSecond: number;
  /** Records acknowledged to a pusher but not stored at head office, or stored twice. */
  lost: number;
  duplicated: number;
  violations: string[];
  /** How long after the last push head office had derived everything acknowledged (sales, ledger, feed). */
  deriveCatchUpMs: number;
}

async function enrol(ho: SoakHeadOffice, index: number): Promise<PusherConfig['terminals'][number]> {
  const shopId = `load${String(Math.floor(index / 5)).padStart(2, '0')}`;
  const terminalCode = `8${String(index + 1).padStart(4, '0')}`;
  const codeFor = { shopId, shopName: `Load shop ${shopId}`, terminalCode };
  const { code: codeText } = await ho.admin.call('createEnrolmentCode', { body: codeFor });
  const terminalId = uuidFrom(index + 1, 9);
  const res = await fetch(`${ho.url()}${syncRoutes.enrol.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, code: codeText, terminalId }),
  });
  const enrolled = EnrolResponse.parse(await res.json());
  return { index, terminalId: enrolled.terminalId, shopId: enrolled.shopId, token: enrolled.token };
}

function runPusher(configFile: string, timeoutMs: number): Promise<PusherReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PUSHER, configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => void (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
    // The pusher stops itself at its deadline; this only guards against a hung process.
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(guard);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(line) as PusherReport);
      } catch (e) {
        reject(
          new Error(
            `load pusher failed (${e instanceof Error ? e.message : String(e)}): ` +
              `${err.slice(-2_000)}${out.slice(-500)}`,
          ),
        );
      }
    });
  });
}

export async function runLoadTest(o: LoadOptions): Promise<LoadResult> {
  const ho = await startSoakHeadOffice('load');
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-load-'));
  try {
    const terminals: PusherConfig['terminals'] = [];
    for (let i = 0; i < o.terminals; i++) terminals.push(await enrol(ho, i));
    const configFile = join(dir, 'pusher.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        url: ho.url(),
        seconds: o.seconds,
        seed: o.seed,
        batchRecords: o.batchRecords,
        terminals,
      } satisfies PusherConfig),
    );
    o.log(
      `load: ${o.terminals} terminals push ${o.batchRecords}-record batches for ${o.seconds} s from a second ` +
        `process (head office on ${ho.backend})`,
    );
    const report = await runPusher(configFile, (o.seconds + 120) * 1_000);
    // Pushes are acknowledged once stored; the projections follow. Every acknowledged record must also be derived.
    const deriveStarted = performance.now();
    await ho.waitDerived();
    const deriveCatchUpMs = Math.round(performance.now() - deriveStarted);
    const hoDb = await ho.stopAndOpen();
    const violations: string[] = [];
    let lost = 0;
    let duplicated = 0;
    for (const t of terminals) {
      const acked = report.ackedThrough[t.terminalId] ?? 0;
      const [stored] = await hoDb.db.select({ n: count() }).from(records).where(eq(records.terminalId, t.terminalId));
      const [row] = await hoDb.db
        .select({ ackedSeq: hoTerminals.ackedSeq, derivedSeq: hoTerminals.derivedSeq })
        .from(hoTerminals)
        .where(eq(hoTerminals.id, t.terminalId));
      if (row && row.derivedSeq !== row.ackedSeq)
        violations.push(
          `load terminal ${t.index}: ${row.ackedSeq} acknowledged, derived only through ${row.derivedSeq}`,
        );
      const n = stored?.n ?? 0;
      // Stored may exceed acknowledged (an answer lost to a timeout), never the other way round.
      if (n < acked) {
        lost += acked - n;
        violations.push(`load terminal ${t.index}: ${acked} acknowledged, ${n} stored`);
      }
      if (n !== (row?.ackedSeq ?? -1)) {
        duplicated += Math.max(0, n - (row?.ackedSeq ?? 0));
        violations.push(`load terminal ${t.index}: ${n} records stored, high-water mark ${row?.ackedSeq ?? 'none'}`);
      }
    }
    return {
      ...report,
      backend: ho.backend,
      lost,
      duplicated,
      violations,
      deriveCatchUpMs,
      recordsPerSecond: Math.round(report.records / Math.max(0.001, report.seconds)),
      requestsPerSecond: Math.round(report.requests / Math.max(0.001, report.seconds)),
    };
  } finally {
    await ho.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadSummaryLines(r: LoadResult): string[] {
  return [
    '',
    `Head-office load test (${r.terminals} terminals from a second process, ${r.seconds} s, head office on ` +
      `${r.backend})`,
    `  ${r.records} records (${r.recordsPerSecond}/s) in ${r.requests} requests (${r.requestsPerSecond}/s); ` +
      `latency p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`,
    `  derivation caught up ${r.deriveCatchUpMs} ms after the last push`,
    `  errors ${r.errors}${
      r.errors > 0
        ? ` (${Object.entries(r.errorKinds)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`
        : ''
    } · lost ${r.lost} · duplicated ${r.duplicated}`,
    ...r.violations.slice(0, 10).map((v) => `  ! ${v}`),
  ];
}
