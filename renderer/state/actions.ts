import { looksLikeCardNumber } from '../../shared/domain/cardNumber';
import { amountLines, itemLines, parsePoints, type DraftLines } from '../lib/saleDraft';
import { focusScan } from '../lib/focus';
import { useMember } from './member';
import { bodyKey, useSale, type SaleBody } from './sale';
import { currencyOf, useStatus } from './status';
import { useUi } from './ui';

// Till actions that span stores, shared by the keyboard handler, the scan field and the buttons,
// so a key and a click always do exactly the same thing.

export interface CurrentSale {
  draft: DraftLines;
  points: number | null;
  body: SaleBody | null;
}

export function currentSale(): CurrentSale {
  const sale = useSale.getState();
  const member = useMember.getState().member;
  const currency = currencyOf(useStatus.getState().status);
  const draft = sale.mode === 'amount' ? amountLines(sale.amountText, currency) : itemLines(sale.lines, currency);
  const points = member ? parsePoints(sale.pointsText) : 0;
  const body = draft.kind === 'ok' && points !== null ? { memberId: member?.id ?? null, lines: draft.lines, pointsToSpend: points } : null;
  return { draft, points, body };
}

/** Whether Enter/F12 may record the sale now: a valid body whose preview was not refused. */
export function canConfirm(): boolean {
  const { body } = currentSale();
  const sale = useSale.getState();
  if (!body || sale.pending || sale.receipt) return false;
  if (sale.knownMaxPoints !== null && body.pointsToSpend > sale.knownMaxPoints) return false;
  return !(sale.previewError && sale.quoteKey === bodyKey(body));
}

export async function confirmSale(): Promise<void> {
  const { body } = currentSale();
  if (!body || !canConfirm()) return;
  await useSale.getState().confirm(body);
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
 * The scan field's Enter. A 16-digit number (scanner burst or typed) is a card; anything else
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
  if (looksLikeCardNumber(trimmed)) {
    const ok = await member.lookupCard(trimmed);
    // A new customer's card ends the previous receipt.
    if (ok && useSale.getState().receipt) useSale.setState({ receipt: null });
    return ok;
  }
  const ok = await member.searchMembers(trimmed);
  // A whole phone number selects its holder at once, just as a card does: a new customer.
  const selected = ok && useMember.getState().search === null;
  if (selected && useSale.getState().receipt) useSale.setState({ receipt: null });
  return ok;
}
