import type { TerminalDb } from '../../db/open';
import { PROTOCOL_VERSION, START_CURSOR } from '../../shared/sync/protocol';
import type { Clock } from '../platform/sources';
import { storeAllowances } from '../services/campaignStore';
import { storePhoneKey } from '../services/phoneKey';
import { applyChanges } from './applyChanges';
import type { HoClient } from './hoClient';
import type { LinkIds, StepOutcome } from './push';
import { pullSnapshot } from './snapshot';
import { readState } from '../platform/syncStateTable';

/**
 * Pulls pages of changes since the stored cursor, each applied with its cursor in one
 * transaction. A terminal that never pulled (or is in the middle of its first pull) takes a
 * snapshot of the chain first instead of replaying the whole feed.
 */
export async function pullChanges(
  db: TerminalDb,
  clock: Clock,
  client: HoClient,
  link: LinkIds,
  pageSize = 5_000,
  maxPages = 10_000,
): Promise<StepOutcome> {
  let applied = 0;
  if (readState(db, 'pullCursor') === null) {
    const snap = await pullSnapshot(db, clock, client, link);
    if (snap.kind !== 'done') return snap;
    applied += snap.count;
  }
  for (let page = 0; page < maxPages; page++) {
    const cursor = readState(db, 'pullCursor') ?? START_CURSOR;
    const { terminalId, shopId } = link;
    const body = { protocolVersion: PROTOCOL_VERSION, terminalId, shopId, cursor, limit: pageSize };
    const res = await client.call('pull', body);
    if (!res.ok) {
      if (res.kind === 'network') return { kind: 'offline', reason: res.reason, message: res.message };
      return { kind: 'refused', code: res.error.code, message: res.error.message };
    }
    const { phoneKey } = res.value;
    // The chain's phone key first (a till enrolled before it existed lets go of other shops' numbers here).
    if (phoneKey !== undefined) db.transaction(() => storePhoneKey(db, phoneKey, shopId));
    applyChanges(db, res.value.changes, res.value.cursor, clock.now());
    // This till's share of each running campaign's budget, in all (it only grows).
    const grants = res.value.campaignAllowances;
    if (grants !== undefined && grants.length > 0) db.transaction(() => storeAllowances(db, grants));
    applied += res.value.changes.length;
    if (!res.value.hasMore) return { kind: 'done', count: applied };
  }
  return { kind: 'done', count: applied };
}
