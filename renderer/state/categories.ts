import { useEffect } from 'react';
import { create } from 'zustand';
import type { CategoriesView, CategoryView } from '../../shared/contract/categories';
import { api } from '../api/tillApi';

interface CategoriesState {
  list: CategoriesView | null;
  load(): Promise<void>;
}

const useCategoriesStore = create<CategoriesState>()((set) => ({
  list: null,
  load: async () => {
    const result = await api.listCategories({});
    if (result.ok) set({ list: result.value });
  },
}));

/**
 * The shop's item categories, read when a screen that shows them opens (head office may have sent
 * a new list since); empty while loading or when the shop has none.
 */
export function useCategories(): CategoriesView {
  const list = useCategoriesStore((s) => s.list);
  const load = useCategoriesStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return list ?? { categories: [], defaultCode: null };
}

/** A category's name in the screen's language; its code when the shop's list does not have it. */
export function categoryName(list: CategoriesView, code: string, locale: string): string {
  const found: CategoryView | undefined = list.categories.find((c) => c.code === code);
  if (!found) return code;
  return locale === 'en' ? found.names.en : found.names['zh-CN'];
}
