import type { MeRow, TerminalRow } from '../api';
import { roleHasShops } from '../../../shared/admin/roles';

export interface ShopChoice {
  id: string;
  name: string | null;
}

/** The shops a caller may filter by: a shop manager's own; for the rest, every shop with a terminal. */
export function shopChoices(me: Pick<MeRow, 'role' | 'shops'>, terminals: readonly TerminalRow[]): ShopChoice[] {
  const names = new Map<string, string | null>();
  for (const t of terminals) if (!names.get(t.shopId)) names.set(t.shopId, t.shopName);
  const ids = roleHasShops(me.role) ? me.shops : [...names.keys()];
  return [...new Set(ids)].sort().map((id) => ({ id, name: names.get(id) ?? null }));
}
