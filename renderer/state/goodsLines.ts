import type { GoodsView } from '../../shared/contract/goods';
import { amountFigure } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { blankLine, type LineDraft } from '../lib/saleDraft';
import { useMember } from './member';
import { useSale } from './sale';
import { currencyOf, useStatus } from './status';
import { useUi } from './ui';

// Item mode picks from the shop's goods: a scanned product barcode adds its line at once; a typed
// SKU that names one item fills the line it was typed in.

/** A sale line drafted from an item of the shop's goods (one of it, at its price). */
export function goodsLine(item: GoodsView, currency: string | null): Omit<LineDraft, 'key'> {
  return {
    sku: item.sku,
    name: item.name,
    category: item.category,
    quantity: '1',
    unitPrice: amountFigure(item.priceMinor, currency),
  };
}

/** Adds the item as a line: into the last line when it is still blank, else as a new one; item mode on. */
export function addGoodsLine(item: GoodsView): void {
  const currency = currencyOf(useStatus.getState().status);
  const sale = useSale.getState();
  if (sale.mode !== 'items') sale.setMode('items');
  const lines = useSale.getState().lines;
  const last = lines[lines.length - 1];
  const blank = last && last.sku === '' && last.name === '' && last.unitPrice === '';
  const line = { ...(blank ? last : blankLine()), ...goodsLine(item, currency) };
  useSale.setState({ lines: blank ? [...lines.slice(0, -1), line] : [...lines, line] });
}

/** A scanned product barcode: its item's line added (true), or false when no goods carry it. */
export async function scanProduct(barcode: string): Promise<boolean> {
  const found = await api.listGoods({ find: barcode });
  const item = found.ok ? found.value.find((goods) => goods.barcode === barcode) : undefined;
  if (!item) return false;
  useUi.getState().clearError();
  addGoodsLine(item);
  return true;
}

/** The member search that followed a barcode no goods carry: its empty result names the product too. */
export function markProductSearch(): void {
  const { search } = useMember.getState();
  if (search) useMember.setState({ search: { ...search, productCode: true } });
}
