import { eq, sql } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { pointsLedger } from '../../db/schema';

// How many members a campaign has reached, from the ledger rows this till holds (its own and the
// pulled ones): the manager's list shows it beside the points given.

export function campaignMembers(db: TerminalDb, campaignId: string): number {
  const row = db
    .select({ members: sql<number>`count(distinct ${pointsLedger.memberId})` })
    .from(pointsLedger)
    .where(eq(pointsLedger.campaignId, campaignId))
    .get();
  return row?.members ?? 0;
}
