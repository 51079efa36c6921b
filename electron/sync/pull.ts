import type { TerminalDb } from '../../db/open';
import { PROTOCOL_VERSION, PullResponse, START_CURSOR } from '../../shared/sync/protocol';
import type { Clock } from '../core/sources';
import { applyChanges } from './applyChanges';
import type { HoClient } from './hoClient';
import type { LinkIds, StepOutcome } from './push';
import { readState } from './state';

/** Pulls pages of changes since the stored cursor, each applied with its cursor in one transaction. */
export async function pullChanges(db: TerminalDb, clock: Clock, client: HoClient, link: LinkIds, pageSize = 2_000, maxPages = 10_000): Promise<StepOutcome> {
  let applied = 0;
  for (let page = 0; page < maxPages; page++) {
    const cursor = readState(db, 'pullCursor') ?? START_CURSOR;
    const res = await client.post('/sync/v1/pull', { protocolVersion: PROTOCOL_VERSION, terminalId: link.terminalId, shopId: link.shopId, cursor, limit: pageSize }, PullResponse);
    if (!res.ok) return res.kind === 'network' ? { kind: 'offline', message: res.message } : { kind: 'refused', code: res.error.code, message: res.error.message };
    applyChanges(db, res.value.changes, res.value.cursor, clock.now());
    applied += res.value.changes.length;
    if (!res.value.hasMore) return { kind: 'done', count: applied };
  }
  return { kind: 'done', count: applied };
}
