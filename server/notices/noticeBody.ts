import type { z } from 'zod';
import { maskCard, type SpendNoticeBody } from '../../shared/admin/spendNotices';
import type { RedemptionRecord, SaleRecord } from '../../shared/sync/records';
import type { members, spendNotices } from '../store/schema';

type NoticeRow = typeof spendNotices.$inferInsert;
type Member = Pick<typeof members.$inferSelect, 'id' | 'cardNumber'>;
interface Source {
  terminalId: string;
  shopId: string;
}

/** A notice as queued: due at once (nextAt 0), its body the exact text that is signed and sent. */
function queued(body: SpendNoticeBody): NoticeRow {
  return {
    id: body.id,
    kind: body.kind,
    memberId: body.memberId,
    shopId: body.shopId,
    body: JSON.stringify(body),
    attempts: 0,
    nextAt: 0,
    state: 'pending',
    createdAt: body.at,
  };
}

/** The notice of an opted-in member's sale (the card the till scanned, else the member's own). */
export function saleNotice(src: Source, sale: SaleRecord, member: Member): NoticeRow {
  const card = sale.cardNumber ?? member.cardNumber;
  return queued({
    id: sale.id,
    kind: 'sale',
    memberId: member.id,
    cardMasked: maskCard(card),
    shopId: src.shopId,
    terminalId: src.terminalId,
    totalMinor: sale.totalMinor,
    currency: sale.currency,
    pointsEarned: sale.pointsEarned,
    pointsSpent: sale.pointsSpent,
    at: sale.createdAt,
  });
}

/** The notice of an opted-in member's redemption: points only, no money. */
export function redemptionNotice(src: Source, redemption: z.infer<typeof RedemptionRecord>, member: Member): NoticeRow {
  return queued({
    id: redemption.id,
    kind: 'redemption',
    memberId: member.id,
    cardMasked: maskCard(member.cardNumber),
    shopId: src.shopId,
    terminalId: src.terminalId,
    totalMinor: 0,
    currency: null,
    pointsEarned: 0,
    pointsSpent: redemption.points,
    at: redemption.createdAt,
  });
}
