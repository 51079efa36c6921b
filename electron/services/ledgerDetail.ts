import { parseAdjustSummary } from '../../shared/domain/adjustSummary';
import { SaleQuote, type LedgerDetail, type LedgerEntryView } from '../../shared/contract';

const Explanation = SaleQuote.shape.explanation;

/** A ledger row with what this till holds of its sale or redemption (null where it holds none). */
export interface LedgerRowWithSource extends Omit<LedgerEntryView, 'detail'> {
  explanationJson: string | null;
  saleDiscountMinor: number | null;
  saleCurrency: string | null;
  redeemedQuantity: number | null;
  rewardName: string | null;
}

function detailOf(row: LedgerRowWithSource): LedgerDetail | null {
  if (row.kind === 'earn' && row.explanationJson !== null) {
    const explanation = Explanation.safeParse(JSON.parse(row.explanationJson));
    return explanation.success ? { kind: 'earn', explanation: explanation.data } : null;
  }
  if (row.kind === 'spend' && row.saleDiscountMinor !== null && row.saleCurrency !== null) {
    return { kind: 'spend', discountMinor: row.saleDiscountMinor, currency: row.saleCurrency };
  }
  if (row.kind === 'redeem' && row.redeemedQuantity !== null && row.rewardName !== null) {
    return { kind: 'redeem', quantity: row.redeemedQuantity, rewardName: row.rewardName };
  }
  if (row.kind === 'adjust') {
    const parsed = parseAdjustSummary(row.summary);
    return { kind: 'adjust', reason: parsed?.reason ?? null, note: parsed?.note ?? '' };
  }
  return null;
}

/** The row as the till shows it: the movement's detail as data, worded by the till in its language. */
export function ledgerEntryView(row: LedgerRowWithSource): LedgerEntryView {
  const { id, kind, delta, balanceAfter, summary, saleId, redemptionId, ruleVersion, createdAt } = row;
  const detail = detailOf(row);
  return { id, kind, delta, balanceAfter, summary, saleId, redemptionId, ruleVersion, createdAt, detail };
}
