import type { CardConflictRow, DayCloseRow, QuarantineRow, TerminalRow } from '../../../shared/admin/answers';

/** One shop's part of the area: its terminals and what came from them. */
export interface ShopGroup {
  readonly shopId: string;
  readonly shopName: string;
  readonly terminals: TerminalRow[];
  readonly quarantine: QuarantineRow[];
  readonly closes: DayCloseRow[];
  readonly conflicts: CardConflictRow[];
}

export interface ShopsData {
  terminals: TerminalRow[];
  quarantine: QuarantineRow[];
  closes: DayCloseRow[];
  conflicts: CardConflictRow[];
}

/**
 * The rows of every list, each under the shop of its terminal, shops in id order (terminals by code).
 * A row whose terminal head office does not list (none should) is kept, under its terminal id.
 */
export function groupByShop(data: ShopsData): ShopGroup[] {
  const shopOf = new Map(data.terminals.map((t) => [t.id, t.shopId]));
  const groups = new Map<string, ShopGroup>();
  const group = (shopId: string, shopName: string): ShopGroup => {
    let g = groups.get(shopId);
    if (!g) {
      g = { shopId, shopName, terminals: [], quarantine: [], closes: [], conflicts: [] };
      groups.set(shopId, g);
    }
    return g;
  };
  for (const t of [...data.terminals].sort((a, b) => a.terminalCode.localeCompare(b.terminalCode)))
    group(t.shopId, t.shopName ?? t.shopId).terminals.push(t);
  const of = (terminalId: string) => {
    const shopId = shopOf.get(terminalId) ?? terminalId;
    return group(shopId, shopId);
  };
  for (const q of data.quarantine) of(q.terminalId).quarantine.push(q);
  for (const c of data.closes) of(c.terminalId).closes.push(c);
  for (const c of data.conflicts) of(c.terminalId).conflicts.push(c);
  return [...groups.values()].sort((a, b) => a.shopId.localeCompare(b.shopId));
}
