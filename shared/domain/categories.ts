// A sale line's category, resolved against the shop's list: by code or by either display name,
// without case, so `Tobacco`, `TOBACCO` and `烟草` are all the excluded `tobacco`.

export interface CategoryDef {
  code: string;
  names: { 'zh-CN': string; en: string };
}

export interface CategoryListDef {
  categories: CategoryDef[];
  defaultCode: string;
}

/** Every way a category may be typed (code, names; lower-cased) → its code. */
export type CategoryIndex = ReadonlyMap<string, string>;

export function categoryIndex(list: CategoryListDef): CategoryIndex {
  const index = new Map<string, string>();
  for (const c of list.categories) {
    index.set(c.names.en.toLowerCase(), c.code);
    index.set(c.names['zh-CN'].toLowerCase(), c.code);
  }
  // Codes last: a code always means its own category.
  for (const c of list.categories) index.set(c.code, c.code);
  return index;
}

/**
 * The code a typed category stands for: the list's default when nothing was typed, null when the
 * list has no such category. Without a list (a shop head office has not sent one to yet) any text
 * is its own code, trimmed and lower-cased, so case never splits a category.
 */
export function resolveCategory(
  list: { index: CategoryIndex; defaultCode: string } | null,
  typed: string,
): string | null {
  const key = typed.trim().toLowerCase();
  if (list === null) return key === '' ? 'general' : key;
  if (key === '') return list.defaultCode;
  return list.index.get(key) ?? null;
}
