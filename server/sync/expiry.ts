import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expiryRowId } from '../../shared/domain/expiryId';
import { derivePointLots } from '../../shared/domain/pointLots';
import type { HoDb } from '../store/connect';
import { ledger, members } from '../store/schema';
import { addLedgerToSummaries } from '../stats/summaryUpsert';
import { appendFeed, type FeedItem } from './feed';
import { lotLedgerOf, officeLedgerChange } from './officeLedgerRows';

// Head office's own expiry, derived from its ledger by the one shared function, for members no till
// has looked up since their lots fell due. The row ids are the ones every till derives (member +
// lot), so whoever writes first wins and the others' rows are repeats; the pull carries them down.

const sha1 = (bytes: Uint8Array): Uint8Array => createHash('sha1').update(bytes).digest();
/** The terminal id head office writes its own ledger rows under. */
export const HEAD_OFFICE_TERMINAL = 'headoffice';

/** Writes the due expiry rows of every member with an open lot due by `now`; answers how many rows. */
export async function expireDueAtHeadOffice(db: HoDb, now: number): Promise<number> {
  const due = await db
    .selectDistinct({ memberId: ledger.memberId })
    .from(ledger)
    .where(
      sql`${ledger.delta} > 0 AND ${ledger.expiresAt} IS NOT NULL AND ${ledger.expiresAt} <= ${now}
          AND NOT EXISTS (SELECT 1 FROM ho_ledger e WHERE e.kind = 'expire' AND e.lot_id = ${ledger.id})`,
    );
  let written = 0;
  for (const { memberId } of due) {
    written += await db.transaction(async (tx) => {
      const [member] = await tx.select().from(members).where(eq(members.id, memberId));
      const rows = await lotLedgerOf(tx, memberId);
      const feed: FeedItem[] = [];
      for (const lot of derivePointLots(rows, now).due) {
        const id = expiryRowId(memberId, lot.lotId, sha1);
        const row = {
          id,
          memberId,
          kind: 'expire' as const,
          delta: -lot.points,
          ruleVersion: null,
          campaignId: null,
          shopId: member?.homeShopId ?? '',
          terminalId: HEAD_OFFICE_TERMINAL,
          createdAt: now,
          lotId: lot.lotId,
        };
        const stored = await tx.insert(ledger).values(row).onConflictDoNothing().returning({ id: ledger.id });
        if (stored.length === 0) continue;
        await addLedgerToSummaries(tx, [row]);
        feed.push(officeLedgerChange({ ...row, expiresAt: null }));
      }
      if (feed.length > 0) await appendFeed(tx, feed);
      return feed.length;
    });
  }
  return written;
}
