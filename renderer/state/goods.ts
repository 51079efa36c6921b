import { useEffect } from 'react';
import { create } from 'zustand';
import type { GoodsView } from '../../shared/contract/goods';
import { api } from '../api/tillApi';

interface GoodsState {
  items: GoodsView[];
  load(): Promise<void>;
}

export const useGoodsStore = create<GoodsState>()((set) => ({
  items: [],
  load: async () => {
    const result = await api.listGoods({});
    if (result.ok) set({ items: result.value });
  },
}));

/** The shop's active goods, read when item mode or the Goods screen opens (empty while loading). */
export function useGoods(): GoodsView[] {
  const items = useGoodsStore((s) => s.items);
  const load = useGoodsStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return items;
}

/** The item a typed SKU names exactly (without case), if the shop has one. */
export function goodsBySku(items: GoodsView[], sku: string): GoodsView | undefined {
  const key = sku.trim().toLowerCase();
  return key === '' ? undefined : items.find((g) => g.sku.toLowerCase() === key);
}
