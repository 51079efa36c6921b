import { Change, PROTOCOL_VERSION, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import type { Clock, IdSource } from '../sources';
import { formatCursor, parseCursor, readFeed } from './feed';
import { grantCampaignBudgets } from './campaignGrants';
import { chainPhoneKey, changesForShop } from './phonePrivacy';
import { withShopStock } from './rewardShopStock';

/**
 * The changes since the terminal's cursor, in feed order. The cursor lives on the terminal
 * and is sent with every pull, so head office keeps no per-terminal pull state at all.
 */
export async function pullChanges(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  terminalId: string,
  req: PullRequest,
): Promise<PullResponse> {
  const after = parseCursor(req.cursor);
  const rows = await readFeed(db, terminalId, after, req.limit + 1);
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  const changes: Change[] = [];
  for (const row of page) {
    // The feed is written only by head office, but a change that no longer matches the
    // protocol (an older shape) is skipped rather than breaking every terminal's pull.
    const parsed = Change.safeParse(row.payload);
    if (parsed.success) changes.push(parsed.data);
  }
  // The till of req.shopId (the route checked it is the caller's) holds full numbers of its own shop's members
  // only, and its own shop's stock of each reward.
  const phoneKey = await chainPhoneKey(db, ids);
  const campaignAllowances = await grantCampaignBudgets(db, clock.now(), terminalId);
  return {
    protocolVersion: PROTOCOL_VERSION,
    changes: changesForShop(await withShopStock(db, req.shopId, changes), req.shopId, phoneKey),
    phoneKey,
    cursor: last ? formatCursor({ txid: last.txid, pos: last.pos }) : req.cursor,
    hasMore: rows.length > req.limit,
    serverTime: clock.now(),
    ...(campaignAllowances.length > 0 ? { campaignAllowances } : {}),
  };
}
