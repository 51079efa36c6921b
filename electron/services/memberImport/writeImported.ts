import type { ImportMemberRow } from '../../../shared/contract/memberImport';
import type { TierDef } from '../../../shared/domain/tier';
import { adjustSummary } from '../../../shared/domain/adjustSummary';
import type { LedgerRecord } from '../../../shared/sync/records';
import type { ServiceContext } from '../../core/context';
import { appendOutbox } from '../../core/outbox';
import { insertCard, type CardIssuer } from '../cards';
import { insertMemberRow } from '../members';
import { ledgerInsert } from '../sales';
import { writeTierOverride } from '../tierOverride';

/** What every row of one batch shares: read once per batch, in its transaction. */
export interface ImportBatchContext {
  terminalId: string;
  shopId: string;
  tierCode: string | null;
  /** When carried points expire, by the policy in force at the import (null: never). */
  expiresAt: number | null;
  /** Issues the cards of members who come without one (the serial stored once a batch). */
  cards: CardIssuer;
  /** The ladder's tier codes by what an old system may write for them (code or name, as tierKey makes it). */
  tiers: ReadonlyMap<string, string>;
}

/** The old system's tier held as its override this long after the import; then the computed tier applies. */
export const IMPORTED_TIER_MS = 365 * 86_400_000;
/** The imported override's stored reason (head office shows it beside a manager's own). */
export const IMPORTED_TIER_REASON = 'tier carried from the previous system (import)';

/** A tier as an old system may write it, compared: NFKC, lower case, no spaces (金卡, Gold, GOLD, gold). */
export function tierKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * What an old system may write for each tier of the ladder → its code: the code, the whole name, and each
 * word of a name held by that tier only (the default '金卡 Gold' is written 金卡 or Gold).
 */
export function ladderKeys(ladder: readonly TierDef[]): ReadonlyMap<string, string> {
  const words = new Map<string, Set<string>>();
  for (const t of ladder)
    for (const word of t.name.normalize('NFKC').split(/\s+/).filter(Boolean))
      words.set(tierKey(word), (words.get(tierKey(word)) ?? new Set()).add(t.code));
  const keys = new Map<string, string>();
  for (const [word, codes] of words) if (codes.size === 1) keys.set(word, [...codes][0] ?? '');
  for (const t of ladder) keys.set(tierKey(t.name), t.code);
  for (const t of ladder) keys.set(tierKey(t.code), t.code);
  return keys;
}

/** The ladder's code for the tier an imported row names, or null when the shop has no such tier. */
export function importedTierCode(batch: ImportBatchContext, tier: string): string | null {
  return batch.tiers.get(tierKey(tier)) ?? null;
}

/** The opening balance's stored line: an adjustment of reason "other" with this note. */
export const OPENING_BALANCE_NOTE = 'opening balance (import)';

/**
 * One imported member, written as registration writes one (member row, card, the 'member' record for head
 * office) plus the points carried from the old system as one opening 'adjust' ledger row inside that record,
 * so head office stores the member and their balance exactly once, and the old system's tier (`tierCode`,
 * on the ladder) as a tier override for a year, after the member record. In the caller's transaction.
 */
export function writeImportedMember(
  ctx: ServiceContext,
  batch: ImportBatchContext,
  row: ImportMemberRow,
  phoneHash: string | null,
  tierCode: string | null = null,
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
  if (tierCode !== null)
    writeTierOverride(ctx, {
      memberId: id,
      tierCode,
      reason: IMPORTED_TIER_REASON,
      endsAt: now + IMPORTED_TIER_MS,
      terminalId: batch.terminalId,
    });
  return id;
}
