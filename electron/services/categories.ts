import { eq, sql } from 'drizzle-orm';
import { DomainError, type CategoriesView, type ParsedInput } from '../../shared/contract';
import { categoryIndex, resolveCategory, type CategoryIndex } from '../../shared/domain/categories';
import { CategoryList, type CategoryListInput } from '../../shared/sync/catalogue';
import { syncState } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

/** Where the list is kept: head office's feed writes it there, the demo shop seeds it. */
export const CATEGORIES_KEY = 'categories';

const statements = perDb((db) => ({
  list: direct(
    db
      .select({ value: syncState.value })
      .from(syncState)
      .where(eq(syncState.key, sql.placeholder('key')))
      .prepare(),
  ),
}));

interface ShopCategories {
  raw: string;
  list: CategoryList;
  index: CategoryIndex;
  defaultCode: string;
}

// Parsed once per stored text: every sale resolves its lines against it.
const parsed = perDb((): { current: ShopCategories | null } => ({ current: null }));

/** The shop's category list, or null when it has none yet (any category is then its own code). */
export function shopCategories(ctx: ServiceContext): ShopCategories | null {
  const raw = statements(ctx.db).list.get({ key: CATEGORIES_KEY })?.value;
  if (raw === undefined) return null;
  const cache = parsed(ctx.db);
  if (cache.current?.raw !== raw) {
    const list = CategoryList.parse(JSON.parse(raw));
    cache.current = { raw, list, index: categoryIndex(list), defaultCode: list.defaultCode };
  }
  return cache.current;
}

/** Writes the shop's list (the demo shop's set-up; head office's arrive through the feed). */
export function storeCategories(ctx: ServiceContext, list: CategoryListInput): void {
  const value = JSON.stringify(CategoryList.parse(list));
  ctx.db
    .insert(syncState)
    .values({ key: CATEGORIES_KEY, value })
    .onConflictDoUpdate({ target: syncState.key, set: { value } })
    .run();
}

/**
 * The boundary where a sale line's category is normalised, once: each typed category becomes the
 * code of the shop's category it names (without case), an empty one the shop's default. A
 * category the shop does not have is refused, not guessed: filed under the default, a mistyped
 * `tobaco` would quietly earn points the shop excluded.
 */
export function resolveLines<L extends { category: string }>(ctx: ServiceContext, lines: L[]): L[] {
  const shop = shopCategories(ctx);
  return lines.map((line, i) => {
    const code = resolveCategory(shop, line.category);
    if (code === null) {
      throw new DomainError('UNKNOWN_CATEGORY', {
        field: `lines.${i}.category`,
        line: i + 1,
        category: line.category.trim(),
      });
    }
    return code === line.category ? line : { ...line, category: code };
  });
}

export function listCategories(ctx: ServiceContext, _input: ParsedInput<'listCategories'>): CategoriesView {
  const shop = shopCategories(ctx);
  return shop
    ? { categories: shop.list.categories, defaultCode: shop.defaultCode }
    : { categories: [], defaultCode: null };
}
