import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { sequentialIds, type Clock } from '../platform/sources';
import { TEST_MANAGER, unwrap } from '../services/services.testkit';
import { startHarness, type Harness } from '../../server/testing/harness';
import type { HoDatabase } from '../../server/store/connect';
import type { TestBackend } from '../../server/testing/databases';
import { enrolWithHeadOffice } from './enrol';

/**
 * For the sync tests: a real terminal core on a fresh SQLite file, configured as a shop and
 * enrolled at the test head office. Its folder is added to `dirs` for the caller to remove.
 */
export async function enrolledTerminal(
  ho: Harness,
  clock: Clock,
  dirs: string[],
  terminal: { prefix: number; shopId: string; code: string; timeZone?: string },
): Promise<TerminalCore> {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-sync-'));
  dirs.push(dir);
  const core = openTerminalCore({
    dataDir: dir,
    clock,
    ids: sequentialIds(terminal.prefix),
    timeZone: terminal.timeZone ?? 'Asia/Shanghai',
    log: () => undefined,
  });
  const { shopId, code } = terminal;
  unwrap(
    await core.api.configureShop({
      shopId,
      shopName: `Shop ${shopId}`,
      terminalName: 'Till 1',
      terminalCode: code,
      manager: TEST_MANAGER,
    }),
  );
  const created = await ho.admin.call('createEnrolmentCode', { body: { shopId, terminalCode: code } });
  const enrolled = await enrolWithHeadOffice(core.db, clock, ho.url, created.code, undefined, core.ctx.timeZone);
  if (!enrolled.ok || enrolled.shopId !== shopId) throw new Error(`enrolment failed: ${JSON.stringify(enrolled)}`);
  return core;
}

export interface EnrolledTills {
  ho: Harness;
  database: HoDatabase;
  /** The till enrolled from the `index`th entry. */
  till(index: number): TerminalCore;
}

/**
 * A sync test file's set-up and tear-down, registered on its describe: head office on `backend` and
 * one enrolled till per entry (in order). The getter is valid inside the tests.
 */
export function useEnrolledTills(
  backend: TestBackend,
  clock: Clock,
  terminals: { prefix: number; shopId: string; code: string; timeZone?: string }[],
): () => EnrolledTills {
  const dirs: string[] = [];
  let running: EnrolledTills | null = null;
  let opened: TerminalCore[] = [];
  beforeAll(async () => {
    const database = await backend.open();
    const ho = await startHarness(database, clock);
    const tills: TerminalCore[] = [];
    for (const terminal of terminals) tills.push(await enrolledTerminal(ho, clock, dirs, terminal));
    running = {
      ho,
      database,
      till: (index) => {
        const till = tills[index];
        if (!till) throw new Error(`no till number ${index} in this fixture`);
        return till;
      },
    };
    opened = tills;
  }, 180_000);
  afterAll(async () => {
    for (const till of opened) till.close();
    await running?.ho.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!running) throw new Error('the sync fixture has not started');
    return running;
  };
}
