import { scanKind } from '../../shared/domain/productBarcode';
import { checkPointsEntry, parsePointsText, type PointsEntry } from '../../shared/domain/rules/pointsEntry';
import { saleVerdict } from '../../shared/domain/rules/saleConfirm';
import { api } from '../api/tillApi';
import { amountLines, itemLines, type DraftLines } from '../lib/saleDraft';
import { focusScan } from '../lib/focus';
import { useMember } from './member';
import { bodyKey, linesKey, useSale, type SaleBody } from './sale';
import { currencyOf, useStatus } from './status';
import { useUi } from './ui';
import { markProductSearch, scanProduct } from './goodsLines';

// Till actions that span stores, shared by the keyboard handler, the scan field and the buttons,
// so a key and a click always do exactly the same thing.

export interface CurrentSale {
  draft: DraftLines;
  points: number | null;
  /** The points field judged by the shared rule; null while this sale's limits are not known yet. */
  pointsEntry: PointsEntry | null;
  body: SaleBody | null;
}

export function currentSale(): CurrentSale {
  const sale = useSale.getState();
  const member = useMember.getState().member;
  const currency = currencyOf(useStatus.getState().status);
  const draft = sale.mode === 'amount' ? amountLines(sale.amountText, currency) : itemLines(sale.lines, currency);
  const points = member ? parsePointsText(sale.pointsText) : 0;
  const body =
    draft.kind === 'ok' && points !== null
      ? { memberId: member?.id ?? null, lines: draft.lines, pointsToSpend: points }
      : null;
  const known = sale.knownLimits;
  let pointsEntry: PointsEntry | null = null;
  if (points === null) pointsEntry = { kind: 'notWhole' };
  else if (points === 0) pointsEntry = { kind: 'ok', points };
  else if (body && known && known.key === linesKey(body)) pointsEntry = checkPointsEntry(points, known.limits);
  return { draft, points, pointsEntry, body };
}

/** Whether Enter/F12 may record the sale now: a valid body, points the rule takes, a preview not refused. */
export function canConfirm(): boolean {
  const { body, draft, pointsEntry } = currentSale();
  const sale = useSale.getState();
  if (!body || draft.kind !== 'ok' || sale.pending || sale.receipt) return false;
  if (pointsEntry !== null && pointsEntry.kind !== 'ok') return false;
  // The same rule as recordSale: a sale of nothing is no sale (the large-sale case asks, below).
  const sold = { subtotalMinor: draft.subtotalMinor, totalMinor: draft.subtotalMinor };
  if (saleVerdict(sold, Number.MAX_SAFE_INTEGER).kind === 'empty') return false;
  return !(sale.previewError && sale.quoteKey === bodyKey(body));
}

/** What the customer pays for `body`: the current quote's total, or a fresh quote when points are spent. */
async function totalOf(body: SaleBody, subtotalMinor: number): Promise<number | null> {
  if (body.pointsToSpend === 0) return subtotalMinor;
  const sale = useSale.getState();
  if (sale.quote && sale.quoteKey === bodyKey(body)) return sale.quote.totalMinor;
  const quote = await api.previewSale(body);
  return quote.ok ? quote.value.totalMinor : null;
}

export async function confirmSale(): Promise<void> {
  const { body, draft } = currentSale();
  if (!body || draft.kind !== 'ok' || !canConfirm()) return;
  const totalMinor = await totalOf(body, draft.subtotalMinor);
  const limitMinor = useStatus.getState().status?.largeSaleLimitMinor;
  if (totalMinor !== null && limitMinor !== undefined) {
    const verdict = saleVerdict({ subtotalMinor: draft.subtotalMinor, totalMinor }, limitMinor);
    if (verdict.kind === 'needsLargeSaleConfirmation') {
      useSale.getState().askLargeSale({ body, totalMinor, limitMinor });
      return;
    }
  }
  await useSale.getState().confirm(body);
  focusScan();
}

/** The large-sale dialog's "yes": records that sale, confirming exactly the total the cashier was shown. */
export async function confirmLargeSale(): Promise<void> {
  const large = useSale.getState().largeSale;
  if (!large) return;
  await useSale.getState().confirm(large.body, large.totalMinor);
  focusScan();
}

/** F7: the points field, or, with no member, a word that one is needed (and the keys go to the scan field). */
export function focusPoints(focusField: () => void): void {
  if (useMember.getState().member) {
    focusField();
    return;
  }
  useSale.getState().flagNeedMember();
  focusScan();
}

/** Next customer: forget the member, the sale and the receipt. */
export function nextCustomer(): void {
  useSale.getState().reset();
  useMember.getState().clear();
  useUi.getState().clearError();
  focusScan();
}

/**
 * The scan field's Enter. A 16-digit number (scanner burst or typed) is a card, a product barcode
 * adds its item to the sale (item mode); anything else
 * searches by phone or name. An empty Enter picks the highlighted result, ends the receipt, or
 * confirms the sale.
 */
export async function submitScan(text: string): Promise<boolean> {
  const trimmed = text.trim();
  const member = useMember.getState();
  if (trimmed === '') {
    const search = member.search;
    const picked = search?.members[search.highlighted];
    if (picked) return member.select(picked.id);
    if (useSale.getState().receipt) {
      nextCustomer();
      return true;
    }
    await confirmSale();
    return true;
  }
  const kind = scanKind(trimmed);
  // A product barcode (never 16 digits like a card, never 11 like a phone) adds its item's line; digits
  // shaped like one that name no goods are searched as the last digits of a phone, as before.
  if (kind === 'product' && (await scanProduct(trimmed))) return true;
  if (kind === 'card') {
    const ok = await member.lookupCard(trimmed);
    // A new customer's card ends the previous receipt.
    if (ok && useSale.getState().receipt) useSale.setState({ receipt: null });
    return ok;
  }
  const ok = await member.searchMembers(trimmed);
  if (kind === 'product') markProductSearch();
  // A whole phone number selects its holder at once, just as a card does: a new customer.
  const selected = ok && useMember.getState().search === null;
  if (selected && useSale.getState().receipt) useSale.setState({ receipt: null });
  return ok;
}
