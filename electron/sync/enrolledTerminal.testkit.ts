import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { sequentialIds, type Clock } from '../platform/sources';
import { TEST_MANAGER, unwrap } from '../services/services.testkit';
import type { Harness } from '../../server/testing/harness';
import { enrolWithHeadOffice } from './enrol';

/**
 * For the sync tests: a real terminal core on a fresh SQLite file, configured as a shop and
 * enrolled at the test head office. Its folder is added to `dirs` for the caller to remove.
 */
export async function enrolledTerminal(
  ho: Harness,
  clock: Clock,
  dirs: string[],
  terminal: { prefix: number; shopId: string; code: string },
): Promise<TerminalCore> {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-sync-'));
  dirs.push(dir);
  const core = openTerminalCore({
    dataDir: dir,
    clock,
    ids: sequentialIds(terminal.prefix),
    timeZone: 'Asia/Shanghai',
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
  const enrolled = await enrolWithHeadOffice(core.db, clock, ho.url, created.code);
  if (!enrolled.ok || enrolled.shopId !== shopId) throw new Error(`enrolment failed: ${JSON.stringify(enrolled)}`);
  return core;
}
