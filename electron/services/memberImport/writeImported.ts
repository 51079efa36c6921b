import type { ImportMemberRow } from '../../../shared/contract/memberImport';
import { adjustSummary } from '../../../shared/domain/adjustSummary';
import type { LedgerRecord } from '../../../shared/sync/records';
import type { ServiceContext } from '../../core/context';
import { appendOutbox } from '../../core/outbox';
import { insertCard, type CardIssuer } from '../cards';
import { insertMemberRow } from '../members';
import { ledgerInsert } from '../sales';

/** What every row of one batch shares: read once per batch, in its transaction. */
export interface ImportBatchContext {
  terminalId: string;
  shopId: string;
  tierCode: string | null;
  /** When carried points expire, by the policy in force at the import (null: never). */
  expiresAt: number | null;
  /** Issues the cards of members who come without one (the serial stored once a batch). */
  cards: CardIssuer;
}

/** The opening balance's stored line: an adjustment of reason "other" with this note. */
export const OPENING_BALANCE_NOTE = 'opening balance (import)';

/**
 * One imported member, written as registration writes one (member row, card, the 'member' record for head
 * office) plus the points carried from the old system as one opening 'adjust' ledger row inside that record,
 * so head office stores the member and their balance exactly once. In the caller's transaction.
 */
export function writeImportedMember(
  ctx: ServiceContext,
  batch: ImportBatchContext,
  row: ImportMemberRow,
  phoneHash: string | null,
): string {
  const now = ctx.clock.now();
  const id = ctx.ids.uuid();
  insertMemberRow(ctx, {
    id,
    name: row.name,
    phone: row.phone,
    phoneHash,
    birthday: row.birthday,
    spendNotices: false,
    homeShopId: batch.shopId,
    tierCode: batch.tierCode,
    now,
    // The opening balance is on the row from the start, as its ledger row below says.
    ...(row.points > 0 ? { opening: { points: row.points, expiresAt: batch.expiresAt } } : {}),
  });
  let cardNumber = row.cardNumber;
  if (cardNumber === null) cardNumber = batch.cards.issue(id, now);
  else insertCard(ctx, cardNumber, id, now);
  const ledger: LedgerRecord[] = [];
  if (row.points > 0) {
    const expiresAt = batch.expiresAt;
    const opening: LedgerRecord = {
      id: ctx.ids.uuid(),
      memberId: id,
      kind: 'adjust',
      delta: row.points,
      ruleVersion: null,
      campaignId: null,
      createdAt: now,
      expiresAt,
    };
    ledgerInsert(ctx).run({
      ...opening,
      balanceAfter: row.points,
      saleId: null,
      redemptionId: null,
      summary: adjustSummary('other', OPENING_BALANCE_NOTE),
      terminalId: batch.terminalId,
    });
    ledger.push(opening);
  }
  appendOutbox(ctx, 'member', id, {
    id,
    name: row.name,
    phone: row.phone,
    birthday: row.birthday,
    cardNumber,
    homeShopId: batch.shopId,
    spendNotices: false,
    createdAt: now,
    ledger,
  });
  return id;
}
