import { isProductBarcode } from './productBarcode';

// What a typed or scanned `find` looks for in the shop's goods, the same at the till and at head
// office: a product barcode matches exactly; other text matches the start of a SKU, or the start of
// the name or of a word in it, without case. The patterns are for LIKE … ESCAPE '\'.

export type GoodsSearch =
  { kind: 'all' } | { kind: 'barcode'; barcode: string } | { kind: 'text'; startsWith: string; wordStartsWith: string };

/** LIKE's own wildcards in what was typed match only themselves. */
const likeText = (text: string): string => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

export function goodsSearch(find: string | undefined): GoodsSearch {
  const typed = find ?? '';
  if (typed === '') return { kind: 'all' };
  if (isProductBarcode(typed)) return { kind: 'barcode', barcode: typed };
  const text = likeText(typed);
  return { kind: 'text', startsWith: `${text}%`, wordStartsWith: `% ${text}%` };
}
